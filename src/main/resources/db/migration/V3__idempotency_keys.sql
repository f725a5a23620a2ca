-- The stored response of each POST/PATCH sent with an Idempotency-Key, written in the same
-- transaction as the change it answers for.
CREATE TABLE idempotency_keys (
    organization_id text        NOT NULL,
    mode            text        NOT NULL,
    key             text        NOT NULL,
    fingerprint     bytea       NOT NULL,
    status          int         NOT NULL,
    content_type    text,
    body            bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, mode, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
