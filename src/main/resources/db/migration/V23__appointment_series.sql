-- A course of care: one patient, type, clinician and place, repeated by a rule. Each occurrence it
-- booked is an ordinary appointment (every guard of blocking_intervals applies) that names the series
-- and its place in it; the dates a skipping series could not book are kept beside it, with why.
CREATE TABLE appointment_series (
    id                  text PRIMARY KEY,
    organization_id     text        NOT NULL REFERENCES organizations (id),
    mode                text        NOT NULL CHECK (mode IN ('live', 'test')),
    status              text        NOT NULL CHECK (status IN ('active', 'cancelled')),
    patient_id          text        NOT NULL REFERENCES patients (id),
    appointment_type_id text        NOT NULL REFERENCES appointment_types (id),
    clinician_id        text        NOT NULL REFERENCES clinicians (id),
    location_id         text REFERENCES locations (id),
    is_remote           boolean     NOT NULL,
    timezone            text        NOT NULL,
    first_start         timestamptz NOT NULL,
    frequency           text        NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    repeat_every        integer     NOT NULL CHECK (repeat_every BETWEEN 1 AND 52),
    by_day              text[]      NOT NULL DEFAULT '{}',
    occurrence_count    integer CHECK (occurrence_count BETWEEN 1 AND 52),
    until_date          date,
    on_conflict         text        NOT NULL CHECK (on_conflict IN ('reject', 'skip')),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT series_ends_one_way CHECK ((occurrence_count IS NULL) <> (until_date IS NULL))
);
CREATE INDEX appointment_series_by_patient ON appointment_series (patient_id);

ALTER TABLE appointments
    ADD COLUMN series_id    text REFERENCES appointment_series (id),
    ADD COLUMN series_index integer CHECK (series_index BETWEEN 0 AND 51),
    ADD CONSTRAINT series_membership_whole CHECK ((series_id IS NULL) = (series_index IS NULL)),
    ADD CONSTRAINT series_index_once UNIQUE (series_id, series_index);

CREATE TABLE appointment_series_skips (
    series_id    text        NOT NULL REFERENCES appointment_series (id),
    series_index integer     NOT NULL,
    local_date   date        NOT NULL,
    start_time   timestamptz,
    obstacle     text        NOT NULL,
    PRIMARY KEY (series_id, series_index)
);

-- A new series sends one message for all its dates.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder', 'series'));
