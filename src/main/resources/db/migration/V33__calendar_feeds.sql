-- Calendar subscriptions (issue 29): a clinician's or a location's appointments as an .ics file at a secret
-- address. Only the token's hash is kept; a revoked feed answers nothing.
ALTER TABLE organizations
    ADD COLUMN calendar_feed_names boolean NOT NULL DEFAULT false;

CREATE TABLE calendar_feeds (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    clinician_id    text REFERENCES clinicians (id),
    location_id     text REFERENCES locations (id),
    token_hash      text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CHECK ((clinician_id IS NULL) <> (location_id IS NULL))
);
CREATE INDEX calendar_feeds_by_tenant ON calendar_feeds (organization_id, mode, created_at, id);
