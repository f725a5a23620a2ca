-- Patient self-service (issue 15): the clinic's rules for changes, what they leave on an appointment,
-- the patient's language, and the manage links that let a patient change one appointment.

-- NULL is "no rule". A type's own value, when set, wins over its organization's.
ALTER TABLE organizations
    ADD COLUMN phone                           text,
    ADD COLUMN cancel_notice_hours             integer CHECK (cancel_notice_hours BETWEEN 0 AND 8760),
    ADD COLUMN reschedule_notice_hours         integer CHECK (reschedule_notice_hours BETWEEN 0 AND 8760),
    ADD COLUMN max_reschedules                 integer CHECK (max_reschedules BETWEEN 0 AND 100),
    ADD COLUMN max_active_bookings_per_patient integer CHECK (max_active_bookings_per_patient BETWEEN 1 AND 1000);
ALTER TABLE appointment_types
    ADD COLUMN cancel_notice_hours     integer CHECK (cancel_notice_hours BETWEEN 0 AND 8760),
    ADD COLUMN reschedule_notice_hours integer CHECK (reschedule_notice_hours BETWEEN 0 AND 8760),
    ADD COLUMN max_reschedules         integer CHECK (max_reschedules BETWEEN 0 AND 100);

ALTER TABLE appointments
    -- Cancelled by the clinic inside the cancellation notice period.
    ADD COLUMN late_cancellation        boolean NOT NULL DEFAULT false,
    ADD COLUMN reschedule_count         integer NOT NULL DEFAULT 0,
    -- Booked by a secret key past the patient's limit of active bookings.
    ADD COLUMN booking_limit_overridden boolean NOT NULL DEFAULT false;
CREATE INDEX appointments_active_by_patient ON appointments (patient_id, start_time)
    WHERE status IN ('pending', 'confirmed');

-- A BCP 47 tag such as de or fr-CH; messages use the nearest language Carebook has.
ALTER TABLE patients ADD COLUMN preferred_language text CHECK (length(preferred_language) BETWEEN 2 AND 35);

-- The keys that sign manage links. The newest unretired key signs; every unretired key verifies, so a key
-- can be rotated without breaking the links already sent, and retired to end them.
CREATE TABLE manage_link_keys (
    id         text PRIMARY KEY,
    secret     bytea       NOT NULL CHECK (length(secret) >= 32),
    created_at timestamptz NOT NULL,
    retired_at timestamptz
);

-- One link per appointment at a time; revoking it lets the next message carry a new one. A link ends
-- with its appointment, so it holds no expiry of its own.
CREATE TABLE manage_links (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    appointment_id  text        NOT NULL REFERENCES appointments (id),
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz
);
CREATE UNIQUE INDEX manage_links_one_live_per_appointment ON manage_links (appointment_id) WHERE revoked_at IS NULL;

-- A patient acting through a manage link is an actor too, named by the link's id.
ALTER TABLE events
    DROP CONSTRAINT events_actor_kind_check,
    ADD CONSTRAINT events_actor_kind_check
        CHECK (actor_kind IN ('secret', 'publishable', 'staff', 'patient', 'system'));
