-- PatientRepository.search for a partial surname drawn as the HTTP scenario draws them (bench_queries),
-- with the similar-name query only when no name starts with the text, and the audit entries, committed.
\set i random(1, 1000)
BEGIN;
SELECT count(*) AS found FROM (
    (SELECT id FROM patients
     WHERE organization_id = '${org}' AND mode = 'live'
       AND search_name_surname_first >= carebook_fold((SELECT q FROM bench_queries WHERE i = :i))
       AND search_name_surname_first < carebook_fold((SELECT q FROM bench_queries WHERE i = :i)) || chr(1114111)
     ORDER BY search_name_surname_first, id LIMIT 5)
    UNION ALL
    (SELECT id FROM patients
     WHERE organization_id = '${org}' AND mode = 'live'
       AND search_name COLLATE "C" >= carebook_fold((SELECT q FROM bench_queries WHERE i = :i))
       AND search_name COLLATE "C" < carebook_fold((SELECT q FROM bench_queries WHERE i = :i)) || chr(1114111)
     ORDER BY search_name COLLATE "C", id LIMIT 5)
) matches \gset
\if :found = 0
SELECT set_config('pg_trgm.word_similarity_threshold', '0.45', true);
SELECT p.* FROM patients p, (SELECT carebook_fold(q) AS q FROM bench_queries WHERE i = :i) f
WHERE p.organization_id = '${org}' AND p.mode = 'live' AND f.q <% p.search_name
ORDER BY word_similarity(f.q, p.search_name) DESC, p.last_name, p.first_name, p.id LIMIT 5;
\endif
INSERT INTO audit_events (id, organization_id, mode, occurred_at, actor_key_id, actor_kind, action, resource_type,
                          resource_id, request_id, ip)
SELECT 'aud_bench_' || md5(random()::text), '${org}', 'live', now(), NULL, 'secret', 'search', 'patient', NULL,
       'req_bench', '127.0.0.1'
FROM generate_series(1, 5);
COMMIT;
