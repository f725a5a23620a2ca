-- Patient search (ADR 0007): what a receptionist types is usually the start of a name, so prefixes of
-- "first last" and "last first" are found through ordered btree indexes and need read only the rows
-- they return. Trigrams stay for typos, asked only when prefixes find too few.
-- The prefix keys use the "C" collation: a prefix is then one contiguous, byte-ordered range.
ALTER TABLE patients
    ADD COLUMN search_name_surname_first text COLLATE "C"
        GENERATED ALWAYS AS (carebook_fold(last_name || ' ' || first_name)) STORED;
CREATE INDEX patients_by_name_prefix ON patients (organization_id, mode, (search_name COLLATE "C"), id);
CREATE INDEX patients_by_surname_prefix ON patients (organization_id, mode, search_name_surname_first, id);

DROP INDEX patients_by_email;
CREATE INDEX patients_by_email_prefix ON patients (organization_id, mode, (email COLLATE "C"), id);
