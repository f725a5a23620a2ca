CREATE TABLE patients (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    mode            text        NOT NULL CHECK (mode IN ('live', 'test')),
    first_name      text        NOT NULL,
    last_name       text        NOT NULL,
    date_of_birth   date        NOT NULL,
    email           text,
    phone           text,
    sex             text,
    address         jsonb,
    insurance       jsonb,
    external_ids    jsonb       NOT NULL DEFAULT '{}',
    -- Names folded for search: lower case, no accents, in both orders' worth of trigrams.
    search_name     text GENERATED ALWAYS AS (carebook_fold(first_name || ' ' || last_name)) STORED,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX patients_by_tenant ON patients (organization_id, mode, created_at, id);
CREATE INDEX patients_name_trigrams ON patients USING gin (organization_id, search_name gin_trgm_ops);
CREATE INDEX patients_by_email ON patients (organization_id, mode, email text_pattern_ops);
CREATE INDEX patients_by_phone ON patients (organization_id, mode, phone);
CREATE INDEX patients_by_birth ON patients (organization_id, mode, date_of_birth);
