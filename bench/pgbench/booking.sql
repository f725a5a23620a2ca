-- The guarded claim a booking makes (an insert the exclusion constraints check), undone each time.
\set minute random(0, 40000)
BEGIN;
INSERT INTO blocking_intervals (owner_id, clinician_id, room_id, blocked, attended, expires_at, exclusive)
SELECT 'bench_' || :minute, '${clinician}', NULL,
       tstzrange(now() + :minute * interval '1 minute', now() + (:minute + 30) * interval '1 minute'),
       tstzrange(now() + :minute * interval '1 minute', now() + (:minute + 30) * interval '1 minute'), NULL, true
ON CONFLICT DO NOTHING RETURNING owner_id;
ROLLBACK;
