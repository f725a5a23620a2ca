-- A class's sessions still to come follow its type's capacity: raising it adds free seats, lowering it removes
-- free ones (from the highest number). Lowering it below the places a session to come already has taken is
-- refused, here, where no booking can slip in between the count and the change: the sessions are locked first,
-- as a booking locks one before it takes a seat.
ALTER TABLE group_sessions DROP CONSTRAINT group_sessions_capacity_check,
    ADD CONSTRAINT group_sessions_capacity_check CHECK (capacity BETWEEN 1 AND 200);

CREATE FUNCTION resize_sessions_to_come() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM group_sessions
     WHERE appointment_type_id = NEW.id AND status = 'scheduled' AND end_time > now()
       FOR UPDATE;
    IF EXISTS (
        SELECT 1 FROM group_sessions s
         WHERE s.appointment_type_id = NEW.id AND s.status = 'scheduled' AND s.end_time > now()
           AND (SELECT count(*) FROM session_seats seat
                 WHERE seat.session_id = s.id AND seat.holder_id IS NOT NULL
                   AND (seat.expires_at IS NULL OR seat.expires_at > now())) > NEW.capacity) THEN
        RAISE EXCEPTION 'a session to come has more places taken than %', NEW.capacity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_covers_places_taken';
    END IF;
    DELETE FROM session_seats gone
     USING (SELECT seat.session_id, seat.seat_no, s.capacity,
                   row_number() OVER (PARTITION BY seat.session_id ORDER BY seat.seat_no DESC) AS nth_free
              FROM session_seats seat JOIN group_sessions s ON s.id = seat.session_id
             WHERE s.appointment_type_id = NEW.id AND s.status = 'scheduled' AND s.end_time > now()
               AND (seat.holder_id IS NULL OR seat.expires_at <= now())) free
     WHERE gone.session_id = free.session_id AND gone.seat_no = free.seat_no
       AND free.nth_free <= free.capacity - NEW.capacity;
    INSERT INTO session_seats (session_id, seat_no)
    SELECT s.id, (SELECT max(seat_no) FROM session_seats WHERE session_id = s.id) + added
      FROM group_sessions s, generate_series(1, NEW.capacity - s.capacity) AS added
     WHERE s.appointment_type_id = NEW.id AND s.status = 'scheduled' AND s.end_time > now()
       AND NEW.capacity > s.capacity;
    UPDATE group_sessions SET capacity = NEW.capacity, updated_at = now()
     WHERE appointment_type_id = NEW.id AND status = 'scheduled' AND end_time > now();
    RETURN NEW;
END $$;

CREATE TRIGGER capacity_follows_type AFTER UPDATE OF capacity ON appointment_types
    FOR EACH ROW WHEN (OLD.capacity IS DISTINCT FROM NEW.capacity)
    EXECUTE FUNCTION resize_sessions_to_come();
