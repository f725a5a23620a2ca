-- What availability answers depend on, logged as it changes (ADR 0013). Each write that can change an answer
-- adds a row naming what it touched: the organization for its catalogue and settings, the clinician and room
-- for a booking or hold, with the writing transaction's id. A cached answer keeps the snapshot it was
-- computed under and stays true while no row for its subjects comes from a transaction that snapshot could
-- not see. Rows are only ever added (and old ones deleted), so writers never wait on each other here.
CREATE TABLE availability_changes (
    subject_id text        NOT NULL,
    changed_by xid8        NOT NULL DEFAULT pg_current_xact_id(),
    logged_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX availability_changes_by_subject ON availability_changes (subject_id, changed_by);
CREATE INDEX availability_changes_by_age ON availability_changes (logged_at);

-- A clinician's or room's busy time: a hold or appointment placed, moved or released. An expired hold being
-- deleted changes nothing (answers already end when a hold they counted expires), nor does a patient joining
-- or a hold becoming an appointment over the same time.
CREATE FUNCTION log_busy_time_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- OLD is null for an insert and NEW for a delete, and so are their fields. One row per subject touched.
    INSERT INTO availability_changes (subject_id)
    SELECT DISTINCT subject
      FROM (VALUES (OLD.clinician_id), (OLD.room_id), (NEW.clinician_id), (NEW.room_id)) AS touched (subject)
     WHERE subject IS NOT NULL;
    RETURN NULL;
END $$;

CREATE TRIGGER busy_time_placed AFTER INSERT ON blocking_intervals
    FOR EACH ROW EXECUTE FUNCTION log_busy_time_change();
CREATE TRIGGER busy_time_moved AFTER UPDATE ON blocking_intervals
    FOR EACH ROW WHEN (OLD.clinician_id IS DISTINCT FROM NEW.clinician_id
                       OR OLD.room_id IS DISTINCT FROM NEW.room_id
                       OR OLD.blocked IS DISTINCT FROM NEW.blocked)
    EXECUTE FUNCTION log_busy_time_change();
CREATE TRIGGER busy_time_released AFTER DELETE ON blocking_intervals
    FOR EACH ROW WHEN (OLD.expires_at IS NULL OR OLD.expires_at > now())
    EXECUTE FUNCTION log_busy_time_change();

-- The catalogue and settings: any change of an organization's locations, rooms, clinicians, time off, types,
-- schedules or its own settings retires all of its answers. Such writes are rare beside bookings.
CREATE FUNCTION log_catalogue_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed record;
    organization text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    -- Each branch is planned only when it runs, so each names only columns its table has.
    IF TG_TABLE_NAME = 'organizations' THEN
        organization := changed.id;
    ELSIF TG_TABLE_NAME = 'schedule_exceptions' THEN
        organization := (SELECT organization_id FROM schedules WHERE id = changed.schedule_id);
    ELSE
        organization := changed.organization_id;
    END IF;
    -- An exception deleted with its schedule finds no schedule: the schedule's own row logs the organization.
    IF organization IS NOT NULL THEN
        INSERT INTO availability_changes (subject_id) VALUES (organization);
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    catalogue text;
BEGIN
    FOREACH catalogue IN ARRAY ARRAY['organizations', 'locations', 'rooms', 'clinicians', 'clinician_time_off',
                                     'appointment_types', 'schedules', 'schedule_exceptions'] LOOP
        EXECUTE format('CREATE TRIGGER catalogue_changed AFTER INSERT OR UPDATE OR DELETE ON %I
                            FOR EACH ROW EXECUTE FUNCTION log_catalogue_change()', catalogue);
    END LOOP;
END $$;
