-- The event log (API.md §7): written in the transaction of the change it reports.
CREATE TABLE events (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    type            text        NOT NULL,
    -- The appointment an event concerns, and its place among that appointment's events: receivers order by it.
    appointment_id  text,
    sequence        integer CHECK (sequence > 0),
    object          jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    CHECK ((appointment_id IS NULL) = (sequence IS NULL))
);
CREATE INDEX events_by_tenant ON events (organization_id, mode, created_at, id);
CREATE UNIQUE INDEX events_in_appointment_order ON events (appointment_id, sequence) WHERE appointment_id IS NOT NULL;
CREATE INDEX events_by_age ON events (created_at);

CREATE TABLE webhook_endpoints (
    id                       text PRIMARY KEY,
    organization_id          text        NOT NULL REFERENCES organizations (id),
    mode                     text        NOT NULL CHECK (mode IN ('live', 'test')),
    url                      text        NOT NULL,
    events                   text[]      NOT NULL,
    description              text,
    secret                   text        NOT NULL,
    -- After a rotation the old secret keeps signing beside the new one until it retires.
    previous_secret          text,
    previous_secret_until    timestamptz,
    status                   text        NOT NULL CHECK (status IN ('enabled', 'disabled')),
    disabled_reason          text,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (organization_id, mode, created_at, id);

-- One row per (endpoint, event): the outbox. Written with the event, so nothing is lost on a crash.
CREATE TABLE webhook_deliveries (
    id                 text PRIMARY KEY,
    endpoint_id        text        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id           text        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    -- Deliveries with the same key go out one at a time in sequence order (an appointment's events).
    ordering_key       text,
    sequence           integer,
    status             text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    -- A worker that took the delivery owns it until then; after a crash it is simply taken again.
    leased_until       timestamptz,
    last_attempt_at    timestamptz,
    last_status_code   integer,
    last_error         text,
    delivered_at       timestamptz,
    created_at         timestamptz NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (endpoint_id, ordering_key, sequence) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at, id);
