-- Bookings a clinic approves first (issue 28). A type may require approval of every online booking, and an
-- organization may require it of patients it has not seen yet. Such a booking is pending, keeps its time like any
-- booked appointment, and is declined by the sweeper when nobody approved it by approval_due_at. A declined
-- appointment keeps when and why in the cancellation columns, cancelled by the clinic.
ALTER TABLE appointment_types ADD COLUMN requires_approval boolean NOT NULL DEFAULT false;

ALTER TABLE organizations
    ADD COLUMN approve_new_patients boolean NOT NULL DEFAULT false,
    ADD COLUMN approval_window_hours integer NOT NULL DEFAULT 48 CHECK (approval_window_hours BETWEEN 1 AND 720);

ALTER TABLE appointments DROP CONSTRAINT appointments_status_check,
    ADD CONSTRAINT appointments_status_check
        CHECK (status IN ('pending', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show', 'declined')),
    ADD COLUMN approval_due_at timestamptz;

-- A pending appointment is declined once its window has passed, or once its time has come.
CREATE INDEX appointments_awaiting_approval ON appointments (LEAST(approval_due_at, start_time))
    WHERE status = 'pending';

-- The patient hears that the request arrived, and that it was declined.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder', 'series', 'requested', 'declined'));
