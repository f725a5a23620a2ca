package org.carebook.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.kernel.Address;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PatientRepository {

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, PatientDraft draft, String possibleDuplicateOf, Instant createdAt, Instant updatedAt) {}

    void insert(Tenant tenant, String id, PatientDraft draft, String possibleDuplicateOf, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO patients (id, organization_id, mode, first_name, last_name, date_of_birth, email,
                            phone, sex, address, insurance, external_ids, preferred_language, possible_duplicate_of,
                            created_at, updated_at)
                        VALUES (:id, :org, :mode, :first, :last, :dob, :email, :phone, :sex, :address::jsonb,
                            :insurance::jsonb, :external::jsonb, :language, :duplicateOf, :now, :now)"""), tenant)
                .param("id", id)
                .param("duplicateOf", possibleDuplicateOf)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    void update(String id, PatientDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE patients SET first_name = :first, last_name = :last, date_of_birth = :dob,
                            email = :email, phone = :phone, sex = :sex, address = :address::jsonb,
                            insurance = :insurance::jsonb, external_ids = :external::jsonb,
                            preferred_language = :language, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "patients", tenant, id, forUpdate)
                .query(PatientRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM patients WHERE organization_id = :org AND mode = :mode
                          AND (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .query(PatientRepository::row)
                .list();
    }

    /**
     * Patients matching every part given of {@code query}, in created order: an external id (by system and value,
     * or by value under any system), a name whose given or family name starts with the text, a date of birth.
     */
    List<Row> matching(Tenant tenant, PatientQuery query, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM patients WHERE organization_id = :org AND mode = :mode
                          AND (CAST(:system AS text) IS NULL OR external_ids ->> CAST(:system AS text) = :value)
                          AND (CAST(:value AS text) IS NULL OR CAST(:system AS text) IS NOT NULL
                               OR EXISTS (SELECT 1 FROM jsonb_each_text(external_ids) e WHERE e.value = :value))
                          AND (CAST(:name AS text) IS NULL
                               OR starts_with(search_name, carebook_fold(:name))
                               OR starts_with(search_name_surname_first, carebook_fold(:name)))
                          AND (CAST(:dob AS date) IS NULL OR date_of_birth = :dob)
                          AND (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("system", query.identifierSystem())
                .param("value", query.identifierValue())
                .param("name", query.name())
                .param("dob", query.birthDate())
                .query(PatientRepository::row)
                .list();
    }

    /**
     * Best matches first: an exact phone, then an e-mail starting with the text, then names starting with
     * it (surname first, then given name first); only when nothing starts with the text, names that are
     * merely similar (trigram word similarity of folded names, so typos and accents matter little).
     */
    List<Row> search(Tenant tenant, String text, String emailPrefix, String phone, int limit) {
        settle(text);
        var found = startingWith(tenant, text, emailPrefix, phone, limit);
        return found.isEmpty() ? similar(tenant, text, limit) : found;
    }

    /**
     * For this transaction only: plan the search statements once per connection (their plans do not depend
     * on the text, and planning cost more than running them), and set how similar a name must be. A
     * similar name shares at least 45 % of the text's trigrams and never fewer than three, so two letters
     * in common (every "Ye…" for "Yer") are not a match.
     */
    private void settle(String text) {
        jdbc.sql("""
                        SELECT set_config('plan_cache_mode', 'force_generic_plan', true),
                               set_config('pg_trgm.word_similarity_threshold',
                                   least(1, greatest(0.45, 3.0 / cardinality(show_trgm(carebook_fold(:text)))))::text, true)""").param("text", text).query().singleRow();
    }

    /**
     * Each kind of match reads at most {@code limit} rows from its own ordered index. A prefix is the range
     * from itself up to itself followed by the highest code point, in byte order ("C" collation).
     */
    private List<Row> startingWith(Tenant tenant, String text, String emailPrefix, String phone, int limit) {
        return Sql.scoped(jdbc.sql("""
                        SELECT p.* FROM (
                            SELECT DISTINCT ON (id) id, kind, key FROM (
                                (SELECT id, 1 AS kind, '' COLLATE "C" AS key FROM patients
                                 WHERE organization_id = :org AND mode = :mode AND CAST(:phone AS text) IS NOT NULL
                                   AND phone = :phone
                                 ORDER BY id LIMIT :limit)
                                UNION ALL
                                (SELECT id, 2, email COLLATE "C" FROM patients
                                 WHERE organization_id = :org AND mode = :mode AND CAST(:email AS text) IS NOT NULL
                                   AND email COLLATE "C" >= :email AND email COLLATE "C" < :email || chr(1114111)
                                 ORDER BY email COLLATE "C", id LIMIT :limit)
                                UNION ALL
                                (SELECT id, 3, search_name_surname_first FROM patients
                                 WHERE organization_id = :org AND mode = :mode
                                   AND search_name_surname_first >= carebook_fold(:text)
                                   AND search_name_surname_first < carebook_fold(:text) || chr(1114111)
                                 ORDER BY search_name_surname_first, id LIMIT :limit)
                                UNION ALL
                                (SELECT id, 4, search_name COLLATE "C" FROM patients
                                 WHERE organization_id = :org AND mode = :mode
                                   AND search_name COLLATE "C" >= carebook_fold(:text)
                                   AND search_name COLLATE "C" < carebook_fold(:text) || chr(1114111)
                                 ORDER BY search_name COLLATE "C", id LIMIT :limit)
                            ) matches
                            ORDER BY id, kind
                        ) best JOIN patients p USING (id)
                        ORDER BY best.kind, best.key, p.id LIMIT :limit"""), tenant)
                .param("text", text)
                .param("email", emailPrefix)
                .param("phone", phone)
                .param("limit", limit)
                .query(PatientRepository::row)
                .list();
    }

    /** Word similarity is never below whole-string similarity, so it alone ranks; one misspelt word of two still matches. */
    private List<Row> similar(Tenant tenant, String text, int limit) {
        return Sql.scoped(jdbc.sql("""
                        SELECT p.* FROM patients p, (SELECT carebook_fold(:text) AS q) f
                        WHERE p.organization_id = :org AND p.mode = :mode AND f.q <% p.search_name
                        ORDER BY word_similarity(f.q, p.search_name) DESC, p.last_name, p.first_name, p.id
                        LIMIT :limit"""), tenant)
                .param("text", text)
                .param("limit", limit)
                .query(PatientRepository::row)
                .list();
    }

    List<Row> byIds(Tenant tenant, java.util.Collection<String> ids) {
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM patients
                        WHERE organization_id = :org AND mode = :mode AND id = ANY(:ids)"""), tenant)
                .param("ids", Sql.array(new java.util.ArrayList<>(ids)))
                .query(PatientRepository::row)
                .list();
    }

    /** Exact date of birth and name, in either order, ignoring case and accents. */
    List<Row> byNameAndBirthDate(Tenant tenant, String name, LocalDate dateOfBirth, int limit) {
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM patients
                        WHERE organization_id = :org AND mode = :mode AND date_of_birth = :dob
                          AND (search_name = carebook_fold(:name) OR search_name_surname_first = carebook_fold(:name))
                        ORDER BY created_at, id LIMIT :limit"""), tenant)
                .param("dob", dateOfBirth)
                .param("name", name)
                .param("limit", limit)
                .query(PatientRepository::row)
                .list();
    }

    /** Serialises bookings that name the same person inline until the first one has committed. */
    void lockIdentity(Tenant tenant, PatientDraft draft) {
        Sql.scoped(
                        jdbc.sql(
                                "SELECT pg_advisory_xact_lock(hashtextextended(:org || :mode || carebook_fold(:first || ' ' || :last) || :dob, 11))"),
                        tenant)
                .param("first", draft.firstName())
                .param("last", draft.lastName())
                .param("dob", draft.dateOfBirth().toString())
                .query(rs -> {});
    }

    /** A record with an inline patient's name and date of birth, and whether its e-mail or phone is the one given. */
    record Candidate(String id, boolean contactAgrees) {}

    /** The oldest record with the draft's name and date of birth, one whose e-mail or phone agrees first. */
    Optional<Candidate> sameNameAndBirthDate(Tenant tenant, PatientDraft draft) {
        return Sql.scoped(jdbc.sql("""
                        SELECT id, COALESCE(email = :email OR phone = :phone, false) AS contact_agrees FROM patients
                        WHERE organization_id = :org AND mode = :mode AND date_of_birth = :dob
                          AND carebook_fold(first_name) = carebook_fold(:first)
                          AND carebook_fold(last_name) = carebook_fold(:last)
                        ORDER BY contact_agrees DESC, created_at, id LIMIT 1"""), tenant)
                .param("dob", draft.dateOfBirth())
                .param("first", draft.firstName())
                .param("last", draft.lastName())
                .param("email", draft.email())
                .param("phone", draft.phone())
                .query((rs, n) -> new Candidate(rs.getString("id"), rs.getBoolean("contact_agrees")))
                .optional();
    }

    private static Map<String, Object> columns(PatientDraft d) {
        var values = new java.util.HashMap<String, Object>();
        values.put("first", d.firstName());
        values.put("last", d.lastName());
        values.put("dob", d.dateOfBirth());
        values.put("email", d.email());
        values.put("phone", d.phone());
        values.put("sex", d.sex());
        values.put("address", Sql.json(d.address()));
        values.put("insurance", Sql.json(d.insurance()));
        values.put("external", Sql.json(d.externalIds()));
        values.put("language", d.preferredLanguage());
        return values;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var draft = new PatientDraft(
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("sex"),
                Sql.json(rs, "address", Address.class),
                Sql.json(rs, "insurance", PatientView.Insurance.class),
                Sql.stringMap(rs, "external_ids"),
                rs.getString("preferred_language"));
        return new Row(
                rs.getString("id"),
                draft,
                rs.getString("possible_duplicate_of"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
