-- Who made the change an event reports (issue 14): a key or a member of staff by id, or the server itself.
-- Events recorded before this have none.
ALTER TABLE events
    ADD COLUMN actor_kind text CHECK (actor_kind IN ('secret', 'publishable', 'staff', 'system')),
    ADD COLUMN actor_id   text,
    ADD CHECK ((actor_kind = 'system') = (actor_id IS NULL) OR actor_kind IS NULL);
