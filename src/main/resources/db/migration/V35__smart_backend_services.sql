-- SMART Backend Services (issue 29): a system client registered with its public keys (a JWKS address or the set
-- itself) and the Carebook scopes it may ever hold, which gets short-lived access tokens at /oauth2/token by signing
-- a JWT with its private key. Only tokens' hashes are kept; each assertion's jti is kept until it expires, so a
-- replayed assertion is refused by the primary key, whichever process sees it.
CREATE TABLE smart_clients (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    name            text        NOT NULL,
    jwks_url        text,
    jwks            text,
    scopes          text[]      NOT NULL,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CHECK ((jwks_url IS NULL) <> (jwks IS NULL))
);
CREATE INDEX smart_clients_by_tenant ON smart_clients (organization_id, mode, created_at, id);

CREATE TABLE smart_assertions (
    client_id  text        NOT NULL REFERENCES smart_clients (id),
    jti        text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX smart_assertions_expiring ON smart_assertions (expires_at);

CREATE TABLE smart_access_tokens (
    token_hash bytea PRIMARY KEY,
    client_id  text        NOT NULL REFERENCES smart_clients (id),
    scopes     text[]      NOT NULL,
    granted    text        NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX smart_access_tokens_expiring ON smart_access_tokens (expires_at);
