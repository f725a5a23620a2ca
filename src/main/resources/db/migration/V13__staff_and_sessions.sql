-- Staff of an organization who sign in to the console (issue 14). One address is one account; the
-- password is an Argon2id hash, absent until the invitation is accepted.
CREATE TABLE staff_users (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    email           text        NOT NULL CHECK (email = lower(email)),
    name            text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'front_desk', 'clinician', 'read_only')),
    clinician_id    text REFERENCES clinicians (id),
    password_hash   text,
    failed_attempts integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((role = 'clinician') = (clinician_id IS NOT NULL))
);
CREATE UNIQUE INDEX staff_users_by_email ON staff_users (email);
CREATE INDEX staff_users_by_organization ON staff_users (organization_id, created_at, id);

-- One-time links (invitations, password resets): only the SHA-256 of the token is kept.
CREATE TABLE staff_tokens (
    token_hash    text PRIMARY KEY,
    staff_user_id text        NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    purpose       text        NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    created_at    timestamptz NOT NULL
);

-- Console sessions, in the layout Spring Session JDBC reads and writes, so any process serves any request.
CREATE TABLE staff_sessions (
    primary_id            char(36)     NOT NULL PRIMARY KEY,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval integer      NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100)
);
CREATE UNIQUE INDEX staff_sessions_by_session_id ON staff_sessions (session_id);
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expiry_time);
CREATE INDEX staff_sessions_by_principal ON staff_sessions (principal_name);

CREATE TABLE staff_sessions_attributes (
    session_primary_id char(36)     NOT NULL REFERENCES staff_sessions (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
