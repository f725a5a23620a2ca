CREATE TABLE audit_events (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL,
    mode            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    actor_key_id    text,
    actor_kind      text        NOT NULL,
    action          text        NOT NULL CHECK (action IN ('read', 'search', 'create', 'update', 'delete')),
    resource_type   text        NOT NULL,
    resource_id     text,
    request_id      text,
    ip              text
);
CREATE INDEX audit_events_by_tenant ON audit_events (organization_id, mode, occurred_at, id);
CREATE INDEX audit_events_by_resource ON audit_events (organization_id, mode, resource_type, resource_id);

-- Append-only, whatever the application does: rows can be inserted, never changed or removed.
CREATE FUNCTION audit_events_are_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();
CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only();
