-- The language a person chose for the console; none: their browser's.
ALTER TABLE staff_users ADD COLUMN language text CHECK (language IN ('en', 'de', 'fr', 'es'));
