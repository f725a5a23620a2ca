-- Where the availability log may be cut (ADR 0014). A snapshot can vouch for an answer only if every change
-- it cannot see is still in availability_changes. Rows used to go by age alone, which a snapshot taken on a
-- standby far behind the primary could outlive. Now a mark records, each minute, the oldest transaction
-- still running; rows are removed only below a mark an hour old, so they all belong to transactions
-- finished before it. A snapshot whose xmin is below the oldest mark kept may lack some of them, and is
-- never trusted.
CREATE TABLE availability_log_marks (
    marked_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    oldest_running xid8       NOT NULL DEFAULT pg_snapshot_xmin(pg_current_snapshot())
);

CREATE INDEX availability_log_marks_by_time ON availability_log_marks (marked_at);

INSERT INTO availability_log_marks DEFAULT VALUES;

-- Rows now go by transaction, no longer by age.
DROP INDEX availability_changes_by_age;
CREATE INDEX availability_changes_by_transaction ON availability_changes (changed_by);
