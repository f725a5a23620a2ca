-- "Any clinician" holds (issue 15) count each candidate's bookings of the day, holds among them.
CREATE INDEX holds_by_clinician ON holds (clinician_id, start_time);
