-- Marks the demo clinic seeded on first start, and keeps its publishable test key for the demo page
-- (publishable keys are public by design: they sit in web pages).
CREATE TABLE demo_clinic (
    organization_id      text PRIMARY KEY REFERENCES organizations (id),
    publishable_test_key text        NOT NULL,
    created_at           timestamptz NOT NULL
);
