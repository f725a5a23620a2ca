-- Classes: a type of capacity above 1 is booked seat by seat into group sessions (one clinician, place and
-- start). The session, not each seat, blocks the clinician and the room; each seat blocks its patient.
ALTER TABLE appointment_types ADD COLUMN capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 200);

CREATE TABLE group_sessions (
    id                  text PRIMARY KEY,
    organization_id     text        NOT NULL REFERENCES organizations (id),
    mode                text        NOT NULL CHECK (mode IN ('live', 'test')),
    status              text        NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'dissolved')),
    appointment_type_id text        NOT NULL REFERENCES appointment_types (id),
    clinician_id        text        NOT NULL REFERENCES clinicians (id),
    location_id         text REFERENCES locations (id),
    room_id             text REFERENCES rooms (id),
    is_remote           boolean     NOT NULL,
    timezone            text        NOT NULL,
    start_time          timestamptz NOT NULL,
    end_time            timestamptz NOT NULL CHECK (end_time > start_time),
    capacity            integer     NOT NULL CHECK (capacity BETWEEN 2 AND 200),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
-- Two first bookings of one class at once make one session: the second waits on this index, then joins.
CREATE UNIQUE INDEX group_sessions_one_per_start ON group_sessions (clinician_id, start_time)
    WHERE status = 'scheduled';

-- The seats themselves, made with the session: a booking or hold takes a free one (never held, released, or
-- held by a hold that expired) while it holds the session's row locked, so a session never has more takers
-- than seats. The holder is the hold or appointment in the seat: the roster is read from here.
CREATE TABLE session_seats (
    session_id text    NOT NULL REFERENCES group_sessions (id),
    seat_no    integer NOT NULL,
    holder_id  text,
    expires_at timestamptz,
    PRIMARY KEY (session_id, seat_no),
    CONSTRAINT seat_expires_only_when_held CHECK (holder_id IS NOT NULL OR expires_at IS NULL)
);
CREATE UNIQUE INDEX session_seats_by_holder ON session_seats (holder_id) WHERE holder_id IS NOT NULL;

-- A seat's blocking row names the session's clinician (so answers retire when seats change) but stands aside
-- from the clinician's and room's constraints, which the session's own row keeps; it takes part in the patient's.
ALTER TABLE blocking_intervals ADD COLUMN seat boolean NOT NULL DEFAULT false;
ALTER TABLE blocking_intervals
    DROP CONSTRAINT clinician_booked_once,
    ADD CONSTRAINT clinician_booked_once EXCLUDE USING gist (clinician_id WITH =, blocked WITH &&)
        WHERE (exclusive AND NOT seat),
    DROP CONSTRAINT room_booked_once,
    ADD CONSTRAINT room_booked_once EXCLUDE USING gist (room_id WITH =, blocked WITH &&)
        WHERE (exclusive AND NOT seat AND room_id IS NOT NULL);

-- Each attendee's appointment names its session, which outlives the seat (a completed class keeps its roster).
ALTER TABLE appointments ADD COLUMN session_id text REFERENCES group_sessions (id);
CREATE INDEX appointments_by_session ON appointments (session_id) WHERE session_id IS NOT NULL;
