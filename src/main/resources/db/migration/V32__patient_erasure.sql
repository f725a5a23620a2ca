-- Erasing a patient on request: their record keeps its id, and its personal data is replaced (names) or removed;
-- their appointments stay as history without what was written about the patient; messages sent to them lose
-- their address and text, and ones still queued are not sent.
ALTER TABLE patients ADD COLUMN erased_at timestamptz;

ALTER TABLE notifications DROP CONSTRAINT notifications_suppressed_reason_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_suppressed_reason_check
    CHECK (suppressed_reason IN ('test_mode', 'country_not_allowed', 'daily_limit', 'patient_erased'));

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('read', 'search', 'create', 'update', 'delete', 'merge', 'erase')) NOT VALID;
