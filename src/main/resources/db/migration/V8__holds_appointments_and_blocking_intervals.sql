CREATE TABLE holds (
    id                  text PRIMARY KEY,
    organization_id     text        NOT NULL REFERENCES organizations (id),
    mode                text        NOT NULL CHECK (mode IN ('live', 'test')),
    appointment_type_id text        NOT NULL REFERENCES appointment_types (id),
    clinician_id        text        NOT NULL REFERENCES clinicians (id),
    location_id         text REFERENCES locations (id),
    room_id             text REFERENCES rooms (id),
    schedule_id         text        NOT NULL REFERENCES schedules (id),
    is_remote           boolean     NOT NULL,
    timezone            text        NOT NULL,
    start_time          timestamptz NOT NULL,
    end_time            timestamptz NOT NULL CHECK (end_time > start_time),
    -- 'active' past expires_at reads as expired; the sweeper only catches the stored status up.
    status              text        NOT NULL CHECK (status IN ('active', 'confirmed', 'released', 'expired')),
    expires_at          timestamptz NOT NULL,
    client_ip           text,
    publishable         boolean     NOT NULL,
    appointment_id      text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX holds_active_by_client ON holds (organization_id, mode, client_ip) WHERE status = 'active';
CREATE INDEX holds_active_by_expiry ON holds (expires_at) WHERE status = 'active';

CREATE TABLE appointments (
    id                  text PRIMARY KEY,
    organization_id     text        NOT NULL REFERENCES organizations (id),
    mode                text        NOT NULL CHECK (mode IN ('live', 'test')),
    status              text        NOT NULL
        CHECK (status IN ('pending', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show')),
    patient_id          text        NOT NULL REFERENCES patients (id),
    appointment_type_id text        NOT NULL REFERENCES appointment_types (id),
    clinician_id        text        NOT NULL REFERENCES clinicians (id),
    location_id         text REFERENCES locations (id),
    room_id             text REFERENCES rooms (id),
    is_remote           boolean     NOT NULL,
    timezone            text        NOT NULL,
    title               text,
    start_time          timestamptz NOT NULL,
    end_time            timestamptz NOT NULL CHECK (end_time > start_time),
    reason              text,
    notes               text,
    payment_mode        text,
    insurance           jsonb,
    attendee_name       text,
    attendee_email      text,
    attendee_phone      text,
    hold_id             text UNIQUE REFERENCES holds (id),
    source              text        NOT NULL,
    allow_overlapping   boolean     NOT NULL DEFAULT false,
    external_ids        jsonb       NOT NULL DEFAULT '{}',
    cancelled_at        timestamptz,
    cancellation_reason text,
    cancelled_by        text,
    checked_in_at       timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX appointments_by_start ON appointments (organization_id, mode, start_time, id);
CREATE INDEX appointments_by_patient ON appointments (patient_id, start_time);
CREATE INDEX appointments_by_clinician ON appointments (clinician_id, start_time);
CREATE INDEX appointments_by_external_id ON appointments USING gin (external_ids jsonb_path_ops);

-- The one guard every booking path goes through. A row exists while its hold or appointment blocks
-- time: `blocked` is the appointment widened by its type's buffers (clinician and room), `attended`
-- the appointment itself (the patient). Expired holds stay until a claiming transaction or the
-- sweeper deletes them; readers ignore them from expires_at on. Rows booked with allow_overlapping
-- are not exclusive: they neither take part in the constraints nor stop a later overlapping booking
-- made with allow_overlapping, but a normal booking checks them in the same statement that inserts it.
CREATE TABLE blocking_intervals (
    owner_id     text PRIMARY KEY,
    clinician_id text      NOT NULL,
    room_id      text,
    patient_id   text,
    blocked      tstzrange NOT NULL CHECK (NOT isempty(blocked)),
    attended     tstzrange NOT NULL CHECK (NOT isempty(attended)),
    expires_at   timestamptz,
    exclusive    boolean   NOT NULL,
    CONSTRAINT clinician_booked_once EXCLUDE USING gist (clinician_id WITH =, blocked WITH &&) WHERE (exclusive),
    CONSTRAINT room_booked_once EXCLUDE USING gist (room_id WITH =, blocked WITH &&)
        WHERE (exclusive AND room_id IS NOT NULL),
    CONSTRAINT patient_booked_once EXCLUDE USING gist (patient_id WITH =, attended WITH &&)
        WHERE (exclusive AND patient_id IS NOT NULL)
);
CREATE INDEX blocking_intervals_by_clinician ON blocking_intervals USING gist (clinician_id, blocked);
CREATE INDEX blocking_intervals_by_room ON blocking_intervals USING gist (room_id, blocked) WHERE room_id IS NOT NULL;
CREATE INDEX blocking_intervals_by_patient ON blocking_intervals USING gist (patient_id, attended)
    WHERE patient_id IS NOT NULL;
CREATE INDEX blocking_intervals_expiring ON blocking_intervals (expires_at) WHERE expires_at IS NOT NULL;
