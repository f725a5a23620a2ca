-- Messages to patients (API.md §8). Written with the event that causes them; sent by workers afterwards.
CREATE TABLE notifications (
    id               text PRIMARY KEY,
    organization_id  text        NOT NULL REFERENCES organizations (id),
    mode             text        NOT NULL CHECK (mode IN ('live', 'test')),
    appointment_id   text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder')),
    channel          text        NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient        text        NOT NULL,
    subject          text,
    text_body        text        NOT NULL,
    html_body        text,
    calendar         text,
    status           text        NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'suppressed')),
    -- Not before this time: now for most messages, the reminder's moment for reminders.
    send_after       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    leased_until     timestamptz,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz NOT NULL
);
CREATE INDEX notifications_due ON notifications (send_after) WHERE status = 'queued';
CREATE INDEX notifications_by_appointment ON notifications (organization_id, mode, appointment_id, created_at, id);
