-- A waitlist that fills freed times by itself (issue 28). An entry waits for a time that suits the patient; when
-- one is freed, the first matching entry is offered it: the time is held for that patient (an ordinary hold,
-- under the same exclusion constraints as any other) for the organization's offer period, and the patient gets a
-- signed link (a manage link of the offer) to accept or decline it.
ALTER TABLE organizations
    ADD COLUMN waitlist_offer_minutes integer NOT NULL DEFAULT 30 CHECK (waitlist_offer_minutes BETWEEN 5 AND 1440);

CREATE TABLE waitlist_entries (
    id                  text PRIMARY KEY,
    organization_id     text        NOT NULL REFERENCES organizations (id),
    mode                text        NOT NULL CHECK (mode IN ('live', 'test')),
    patient_id          text        NOT NULL REFERENCES patients (id),
    appointment_type_id text        NOT NULL REFERENCES appointment_types (id),
    clinician_id        text REFERENCES clinicians (id),
    location_id         text REFERENCES locations (id),
    -- The weekdays that suit ('monday'…'sunday'; none: any day), and the local times of day (none: any time).
    days                text[]      NOT NULL,
    times_of_day        jsonb       NOT NULL,
    until_date          date        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'expired', 'removed')),
    appointment_id      text REFERENCES appointments (id),
    source              text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK ((status = 'booked') = (appointment_id IS NOT NULL))
);
-- One live entry per patient and service: joining again finds the one there is.
CREATE UNIQUE INDEX waitlist_one_live_entry_per_patient_and_type ON waitlist_entries (patient_id, appointment_type_id)
    WHERE status IN ('waiting', 'offered');
CREATE INDEX waitlist_entries_in_line ON waitlist_entries (organization_id, mode, created_at, id)
    WHERE status = 'waiting';
CREATE INDEX waitlist_entries_by_tenant ON waitlist_entries (organization_id, mode, created_at, id);

CREATE TABLE waitlist_offers (
    id           text PRIMARY KEY,
    entry_id     text        NOT NULL REFERENCES waitlist_entries (id),
    hold_id      text        NOT NULL REFERENCES holds (id),
    clinician_id text        NOT NULL,
    location_id  text,
    timezone     text        NOT NULL,
    start_time   timestamptz NOT NULL,
    end_time     timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'lapsed')),
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    decided_at   timestamptz
);
-- An entry has one offer open at a time, whatever races to make another.
CREATE UNIQUE INDEX waitlist_one_open_offer_per_entry ON waitlist_offers (entry_id) WHERE status = 'open';
CREATE INDEX waitlist_offers_lapsing ON waitlist_offers (expires_at) WHERE status = 'open';
CREATE INDEX waitlist_offers_by_entry ON waitlist_offers (entry_id, clinician_id, start_time);

-- Freed time waiting to be offered, written in the transaction that freed it and deleted once offered or found
-- to suit nobody. A hold that expires or is released frees nothing here: it was never booked.
CREATE TABLE waitlist_openings (
    id              bigserial PRIMARY KEY,
    organization_id text        NOT NULL,
    mode            text        NOT NULL,
    clinician_id    text        NOT NULL,
    freed           tstzrange   NOT NULL,
    created_at      timestamptz NOT NULL
);

-- Time off removed, and working hours added or changed, may free time too.
CREATE FUNCTION waitlist_opening_from_time_off() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO waitlist_openings (organization_id, mode, clinician_id, freed, created_at)
    VALUES (OLD.organization_id, OLD.mode, OLD.clinician_id, OLD.during, now());
    RETURN NULL;
END $$;
CREATE TRIGGER time_off_removed_frees_time AFTER DELETE ON clinician_time_off
    FOR EACH ROW EXECUTE FUNCTION waitlist_opening_from_time_off();

CREATE FUNCTION waitlist_opening_from_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.is_active THEN
        INSERT INTO waitlist_openings (organization_id, mode, clinician_id, freed, created_at)
        VALUES (NEW.organization_id, NEW.mode, NEW.clinician_id, tstzrange(now(), now() + interval '31 days'), now());
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER hours_set_may_free_time AFTER INSERT OR UPDATE OF weekly_hours, valid_from, valid_until, is_active
    ON schedules FOR EACH ROW EXECUTE FUNCTION waitlist_opening_from_hours();

-- An offer's link is a manage link: signed the same way, revocable the same way, for the offer, not an appointment.
ALTER TABLE manage_links ALTER COLUMN appointment_id DROP NOT NULL,
    ADD COLUMN waitlist_offer_id text REFERENCES waitlist_offers (id),
    ADD CONSTRAINT manage_links_for_one_thing CHECK ((appointment_id IS NULL) <> (waitlist_offer_id IS NULL));
CREATE UNIQUE INDEX manage_links_one_per_offer ON manage_links (waitlist_offer_id) WHERE waitlist_offer_id IS NOT NULL;

-- The offer is a message about a waitlist entry, not an appointment.
ALTER TABLE notifications ALTER COLUMN appointment_id DROP NOT NULL,
    ADD COLUMN waitlist_entry_id text,
    ADD CONSTRAINT notifications_about_something CHECK (appointment_id IS NOT NULL OR waitlist_entry_id IS NOT NULL),
    DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder', 'series', 'requested', 'declined',
                        'waitlist_offer'));
