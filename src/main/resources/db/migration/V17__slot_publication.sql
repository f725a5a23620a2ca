-- SMART Scheduling Links (issue 17): an organization may publish its live free times for directories to
-- read without a key. A row here is that choice; deleting it stops publishing.
CREATE TABLE slot_publications (
    organization_id  text PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    -- The page where the clinic embeds the booking widget; published slots link to it with the slot chosen.
    booking_page_url text CHECK (booking_page_url ~ '^https?://[^\s]+$' AND length(booking_page_url) <= 2000),
    updated_at       timestamptz NOT NULL
);
