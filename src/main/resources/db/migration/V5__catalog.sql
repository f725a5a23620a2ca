CREATE TABLE locations (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    name            text        NOT NULL,
    timezone        text        NOT NULL,
    address         jsonb       NOT NULL DEFAULT '{}',
    phone           text,
    is_active       boolean     NOT NULL DEFAULT true,
    external_ids    jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX locations_by_tenant ON locations (organization_id, mode, created_at, id);

CREATE TABLE rooms (
    id              text PRIMARY KEY,
    location_id     text        NOT NULL REFERENCES locations (id),
    organization_id text        NOT NULL,
    mode            text        NOT NULL,
    name            text        NOT NULL,
    is_active       boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX rooms_by_location ON rooms (location_id, created_at, id);

CREATE TABLE clinicians (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    name            text        NOT NULL,
    title           text,
    specialty       text,
    email           text,
    phone           text,
    is_active       boolean     NOT NULL DEFAULT true,
    timezone        text,
    external_ids    jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX clinicians_by_tenant ON clinicians (organization_id, mode, created_at, id);

CREATE TABLE clinician_time_off (
    id              text PRIMARY KEY,
    clinician_id    text        NOT NULL REFERENCES clinicians (id),
    organization_id text        NOT NULL,
    mode            text        NOT NULL,
    during          tstzrange   NOT NULL CHECK (NOT isempty(during)),
    reason          text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX clinician_time_off_by_clinician ON clinician_time_off USING gist (clinician_id, during);

CREATE TABLE appointment_types (
    id                    text PRIMARY KEY,
    organization_id       text          NOT NULL REFERENCES organizations (id),
    mode                  text          NOT NULL CHECK (mode IN ('live', 'test')),
    name                  text          NOT NULL,
    description           text,
    duration_minutes      int           NOT NULL CHECK (duration_minutes > 0),
    price                 numeric(12, 2) CHECK (price >= 0),
    currency              text          NOT NULL,
    is_active             boolean       NOT NULL DEFAULT true,
    allow_online_booking  boolean       NOT NULL DEFAULT true,
    modes                 text[]        NOT NULL,
    buffer_before_minutes int           NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
    buffer_after_minutes  int           NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
    min_notice_minutes    int           NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
    max_advance_days      int           NOT NULL DEFAULT 90 CHECK (max_advance_days > 0),
    slot_interval_minutes int           NOT NULL CHECK (slot_interval_minutes > 0),
    requires_room         boolean       NOT NULL DEFAULT false,
    clinician_ids         text[]        NOT NULL DEFAULT '{}',
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);
CREATE INDEX appointment_types_by_tenant ON appointment_types (organization_id, mode, created_at, id);

-- Working hours. weekly_hours is [{day, start, end}] in the schedule's time zone; the booking engine
-- turns them into instants per date, so daylight-saving changes are handled there, not stored here.
CREATE TABLE schedules (
    id                       text PRIMARY KEY,
    organization_id          text        NOT NULL REFERENCES organizations (id),
    mode                     text        NOT NULL CHECK (mode IN ('live', 'test')),
    clinician_id             text        NOT NULL REFERENCES clinicians (id),
    location_id              text REFERENCES locations (id),
    is_remote                boolean     NOT NULL,
    timezone                 text        NOT NULL,
    weekly_hours             jsonb       NOT NULL,
    valid_from               date,
    valid_until              date,
    appointment_type_ids     text[]      NOT NULL DEFAULT '{}',
    accepted_insurance_payers text[]     NOT NULL DEFAULT '{}',
    is_active                boolean     NOT NULL DEFAULT true,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    CHECK (location_id IS NOT NULL OR is_remote),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX schedules_by_tenant ON schedules (organization_id, mode, created_at, id);
CREATE INDEX schedules_by_clinician ON schedules (clinician_id);
CREATE INDEX schedules_by_location ON schedules (location_id);

CREATE TABLE schedule_exceptions (
    schedule_id text        NOT NULL REFERENCES schedules (id),
    date        date        NOT NULL,
    hours       jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (schedule_id, date)
);
