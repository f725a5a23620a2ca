-- A session's capacity is the number of its seat rows: kept once, there, instead of beside them in a column the
-- resizing had to keep in step. The resizing (V25) counts the rows.
CREATE OR REPLACE FUNCTION resize_sessions_to_come() RETURNS trigger LANGUAGE plpgsql AS $$
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
     USING (SELECT seat.session_id, seat.seat_no,
                   (SELECT count(*) FROM session_seats every WHERE every.session_id = seat.session_id) AS places,
                   row_number() OVER (PARTITION BY seat.session_id ORDER BY seat.seat_no DESC) AS nth_free
              FROM session_seats seat JOIN group_sessions s ON s.id = seat.session_id
             WHERE s.appointment_type_id = NEW.id AND s.status = 'scheduled' AND s.end_time > now()
               AND (seat.holder_id IS NULL OR seat.expires_at <= now())) free
     WHERE gone.session_id = free.session_id AND gone.seat_no = free.seat_no
       AND free.nth_free <= free.places - NEW.capacity;
    INSERT INTO session_seats (session_id, seat_no)
    SELECT places.session_id, places.last + added
      FROM (SELECT seat.session_id, count(*) AS total, max(seat.seat_no) AS last
              FROM session_seats seat JOIN group_sessions s ON s.id = seat.session_id
             WHERE s.appointment_type_id = NEW.id AND s.status = 'scheduled' AND s.end_time > now()
             GROUP BY seat.session_id) places,
           generate_series(1, NEW.capacity - places.total) AS added
     WHERE NEW.capacity > places.total;
    RETURN NEW;
END $$;

ALTER TABLE group_sessions DROP COLUMN capacity;
