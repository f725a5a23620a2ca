-- Least privilege for staff (issue 25). A person signs in once (staff_users: address, password, the single
-- sign-on identity); what they may do in an organization is a membership of its own, so one person may work
-- for several clinics, and no clinic's invitation can take an address from another. A membership's id is the
-- staff id the API, events and the audit log name; the rows that exist keep their ids.
CREATE TABLE staff_memberships (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    staff_user_id   text        NOT NULL REFERENCES staff_users (id),
    -- What this organization calls them; another organization cannot rename them.
    name            text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'front_desk', 'clinician', 'read_only')),
    clinician_id    text REFERENCES clinicians (id),
    status          text        NOT NULL CHECK (status IN ('invited', 'active', 'disabled', 'removed')),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((role = 'clinician') = (clinician_id IS NOT NULL)),
    UNIQUE (organization_id, staff_user_id)
);
CREATE INDEX staff_memberships_by_user ON staff_memberships (staff_user_id);
CREATE INDEX staff_memberships_by_organization ON staff_memberships (organization_id, created_at, id);

INSERT INTO staff_memberships (id, organization_id, staff_user_id, name, role, clinician_id, status, created_at,
                               updated_at)
SELECT id, organization_id, id, name, role, clinician_id,
       CASE WHEN password_hash IS NULL THEN 'invited' ELSE 'active' END, created_at, updated_at
FROM staff_users;

DROP INDEX staff_users_by_organization;
ALTER TABLE staff_users
    DROP COLUMN organization_id,
    DROP COLUMN name,
    DROP COLUMN role,
    DROP COLUMN clinician_id,
    -- After the first single sign-on with a verified address, the account is found by these, never by address.
    ADD COLUMN oidc_issuer  text,
    ADD COLUMN oidc_subject text,
    ADD CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX staff_users_by_oidc_identity ON staff_users (oidc_issuer, oidc_subject)
    WHERE oidc_issuer IS NOT NULL;

-- An invitation is to one membership; a reset is to the person.
ALTER TABLE staff_tokens ADD COLUMN membership_id text REFERENCES staff_memberships (id) ON DELETE CASCADE;
UPDATE staff_tokens SET membership_id = staff_user_id WHERE purpose = 'invitation';
CREATE INDEX staff_tokens_by_user ON staff_tokens (staff_user_id, purpose, created_at);

-- Sessions held the old shape of who was signed in; everyone signs in again once.
DELETE FROM staff_sessions;

-- Staff e-mail that must not be sent inside the request that caused it: password resets (sending them in the
-- request would tell, by its time, whether the address has an account; the token is made when the mail is
-- sent, so no usable token is ever stored) and notices to owners of staff changes.
CREATE TABLE staff_mail (
    id            text PRIMARY KEY,
    staff_user_id text        NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    kind          text        NOT NULL CHECK (kind IN ('password_reset', 'staff_notice')),
    subject       text,
    body          text,
    created_at    timestamptz NOT NULL,
    leased_until  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    sent_at       timestamptz,
    CHECK ((kind = 'staff_notice') = (body IS NOT NULL))
);
CREATE INDEX staff_mail_due ON staff_mail (created_at) WHERE sent_at IS NULL;

-- Inviting and managing staff is a scope of its own. The live secret keys that hold every other scope (the
-- keys an organization is created with) hold it too; test-mode keys never do.
UPDATE api_keys
SET scopes = scopes || ARRAY ['manage_staff']
WHERE kind = 'secret' AND mode = 'live' AND revoked_at IS NULL
  AND scopes @> ARRAY ['read_appointment_types', 'write_appointment_types', 'read_appointment_templates',
        'read_availability', 'write_holds', 'read_patients', 'write_patients', 'read_appointments',
        'write_appointments', 'read_catalog', 'write_catalog', 'manage_webhooks', 'read_events', 'read_audit',
        'manage_api_keys', 'manage_organization'];
