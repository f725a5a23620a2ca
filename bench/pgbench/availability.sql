-- The busy time of all clinicians for 14 days: BusyTime.BUSY with the widget's query.
SELECT clinician_id, room_id, lower(blocked) AS starts, upper(blocked) AS ends, expires_at
FROM blocking_intervals
WHERE (clinician_id = ANY ('{${clinicians}}'::text[]) OR room_id = ANY ('{}'::text[]))
  AND blocked && tstzrange('${from}', '${to}') AND (expires_at IS NULL OR expires_at > now()) AND NOT seat;
