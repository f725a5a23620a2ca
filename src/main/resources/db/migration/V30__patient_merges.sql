-- Merging two records of one patient: the duplicate's appointments, series, blocked time and waitlist entries
-- move to the record kept, the duplicate is deleted, and this table remembers where each merged id went.
CREATE TABLE patient_merges (
    merged_id       text        PRIMARY KEY,
    kept_id         text        NOT NULL REFERENCES patients (id),
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL,
    merged_at       timestamptz NOT NULL
);
CREATE INDEX patient_merges_by_kept ON patient_merges (kept_id);

-- A merge is audited as its own action on both records. NOT VALID: the rows already there hold one of the
-- old actions, so a large audit table is not read through to prove it; new rows are checked as before.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('read', 'search', 'create', 'update', 'delete', 'merge')) NOT VALID;
