-- Busy times in (issue 29): a clinician's external calendars, polled, whose busy events block time like any
-- booking. A link's password or app token is kept sealed (AES-GCM, under CAREBOOK_CREDENTIALS_KEY), never in the
-- clear; `version` is the ETag (an .ics address) or the collection tag (CalDAV) the last read saw.
CREATE TABLE calendar_links (
    id               text PRIMARY KEY,
    organization_id  text        NOT NULL REFERENCES organizations (id),
    mode             text        NOT NULL CHECK (mode IN ('live', 'test')),
    clinician_id     text        NOT NULL REFERENCES clinicians (id),
    kind             text        NOT NULL CHECK (kind IN ('ics', 'caldav')),
    url              text        NOT NULL,
    username         text,
    sealed_secret    bytea,
    poll_seconds     integer     NOT NULL CHECK (poll_seconds BETWEEN 60 AND 86400),
    version          text,
    next_poll_at     timestamptz NOT NULL,
    polled_at        timestamptz,
    sync_status      text        NOT NULL CHECK (sync_status IN ('pending', 'synced', 'failed')),
    sync_problem     text,
    busy_count       integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL
);
CREATE INDEX calendar_links_by_tenant ON calendar_links (organization_id, mode, created_at, id);
CREATE INDEX calendar_links_due ON calendar_links (next_poll_at);

-- An external busy time is a blocking row that takes part in no exclusion constraint (it is a fact from
-- elsewhere, which Carebook cannot refuse), but every claim checks it in the statement that inserts, as it does
-- any non-exclusive row. It goes with its link.
ALTER TABLE blocking_intervals
    ADD COLUMN calendar_link_id text REFERENCES calendar_links (id) ON DELETE CASCADE,
    ADD CONSTRAINT external_busy_is_not_exclusive CHECK (calendar_link_id IS NULL OR NOT exclusive);
CREATE INDEX blocking_intervals_by_calendar_link ON blocking_intervals (calendar_link_id)
    WHERE calendar_link_id IS NOT NULL;
