CREATE TABLE organizations (
    id                    text PRIMARY KEY,
    name                  text        NOT NULL,
    timezone              text        NOT NULL,
    country               text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    currency              text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    hold_ttl_minutes      int CHECK (hold_ttl_minutes BETWEEN 1 AND 60),
    reminder_hours_before int[]       NOT NULL DEFAULT '{24}',
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX organizations_by_creation ON organizations (created_at, id);

CREATE TABLE api_keys (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    kind            text        NOT NULL CHECK (kind IN ('secret', 'publishable')),
    name            text        NOT NULL,
    key_prefix      text        NOT NULL,
    key_last4       text        NOT NULL,
    key_sha256      bytea       NOT NULL UNIQUE,
    scopes          text[]      NOT NULL,
    allowed_origins text[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX api_keys_by_tenant ON api_keys (organization_id, mode, created_at, id);
CREATE INDEX api_keys_active_origins ON api_keys USING gin (allowed_origins) WHERE revoked_at IS NULL;
