-- Publishable keys are public (docs/security.md): what a stranger holding one could otherwise abuse.

-- Messages that were planned but never sent, and why: test mode, a country the organization does not text,
-- or the recipient's daily limit.
ALTER TABLE notifications ADD COLUMN suppressed_reason text
    CHECK (suppressed_reason IN ('test_mode', 'country_not_allowed', 'daily_limit'));
UPDATE notifications SET suppressed_reason = 'test_mode' WHERE status = 'suppressed';
ALTER TABLE notifications ADD CONSTRAINT notifications_suppressed_has_reason
    CHECK ((status = 'suppressed') = (suppressed_reason IS NOT NULL));
-- The daily limits count a recipient's messages, whichever organization planned them.
CREATE INDEX notifications_by_recipient ON notifications (channel, recipient, send_after) WHERE status <> 'suppressed';

-- The countries whose phone numbers the organization may text (ISO 3166-1 alpha-2); NULL: its own country.
ALTER TABLE organizations ADD COLUMN sms_countries text[];

-- A patient record made by a browser booking whose details matched an existing record only in part
-- (name and date of birth, but not the e-mail or phone on file): staff decide whether to merge them.
ALTER TABLE patients ADD COLUMN possible_duplicate_of text REFERENCES patients (id);
