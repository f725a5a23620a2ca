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

    record Row(String id, PatientDraft draft, Instant createdAt, Instant updatedAt) {
    }

    void insert(Tenant tenant, String id, PatientDraft draft, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO patients (id, organization_id, mode, first_name, last_name, date_of_birth, email,
                            phone, sex, address, insurance, external_ids, created_at, updated_at)
                        VALUES (:id, :org, :mode, :first, :last, :dob, :email, :phone, :sex, :address::jsonb,
                            :insurance::jsonb, :external::jsonb, :now, :now)"""), tenant)
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    void update(String id, PatientDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE patients SET first_name = :first, last_name = :last, date_of_birth = :dob,
                            email = :email, phone = :phone, sex = :sex, address = :address::jsonb,
                            insurance = :insurance::jsonb, external_ids = :external::jsonb, updated_at = :now
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
     * Best matches first: trigram similarity of folded names (so typos, accents and word order matter
     * little), plus e-mail prefix and exact phone matches. The thresholds are lowered for this
     * transaction only, so that one misspelt word of a two-word name still matches.
     */
    List<Row> search(Tenant tenant, String text, String emailPrefix, String phone, int limit) {
        jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', '0.25', true), "
                + "set_config('pg_trgm.word_similarity_threshold', '0.45', true)").query().singleRow();
        return Sql.scoped(jdbc.sql("""
                        SELECT p.*, greatest(similarity(p.search_name, f.q), word_similarity(f.q, p.search_name)) AS score
                        FROM patients p, (SELECT carebook_fold(:text) AS q) f
                        WHERE p.organization_id = :org AND p.mode = :mode
                          AND (p.search_name % f.q OR f.q <% p.search_name
                               OR (CAST(:email AS text) IS NOT NULL AND p.email LIKE :email)
                               OR (CAST(:phone AS text) IS NOT NULL AND p.phone = :phone))
                        ORDER BY (CAST(:phone AS text) IS NOT NULL AND p.phone = :phone) DESC,
                                 (CAST(:email AS text) IS NOT NULL AND p.email LIKE :email) DESC,
                                 score DESC, p.last_name, p.first_name, p.id
                        LIMIT :limit"""), tenant)
                .param("text", text)
                .param("email", emailPrefix)
                .param("phone", phone)
                .param("limit", limit)
                .query(PatientRepository::row)
                .list();
    }

    /** Exact date of birth and name, in either order, ignoring case and accents. */
    List<Row> byNameAndBirthDate(Tenant tenant, String name, LocalDate dateOfBirth, int limit) {
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM patients
                        WHERE organization_id = :org AND mode = :mode AND date_of_birth = :dob
                          AND (search_name = carebook_fold(:name)
                               OR carebook_fold(last_name || ' ' || first_name) = carebook_fold(:name))
                        ORDER BY created_at, id LIMIT :limit"""), tenant)
                .param("dob", dateOfBirth)
                .param("name", name)
                .param("limit", limit)
                .query(PatientRepository::row)
                .list();
    }

    /** Serialises bookings that name the same person inline until the first one has committed. */
    void lockIdentity(Tenant tenant, PatientDraft draft) {
        Sql.scoped(jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:org || :mode || carebook_fold(:first || ' ' || :last) || :dob, 11))"), tenant)
                .param("first", draft.firstName())
                .param("last", draft.lastName())
                .param("dob", draft.dateOfBirth().toString())
                .query(rs -> {
                });
    }

    Optional<String> matching(Tenant tenant, PatientDraft draft) {
        return Sql.scoped(jdbc.sql("""
                        SELECT id FROM patients
                        WHERE organization_id = :org AND mode = :mode AND date_of_birth = :dob
                          AND carebook_fold(first_name) = carebook_fold(:first)
                          AND carebook_fold(last_name) = carebook_fold(:last)
                          AND ((CAST(:email AS text) IS NULL AND CAST(:phone AS text) IS NULL)
                               OR email = :email OR phone = :phone)
                        ORDER BY created_at, id LIMIT 1"""), tenant)
                .param("dob", draft.dateOfBirth())
                .param("first", draft.firstName())
                .param("last", draft.lastName())
                .param("email", draft.email())
                .param("phone", draft.phone())
                .query(String.class)
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
        return values;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var draft = new PatientDraft(rs.getString("first_name"), rs.getString("last_name"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("email"), rs.getString("phone"),
                rs.getString("sex"), Sql.json(rs, "address", Address.class),
                Sql.json(rs, "insurance", PatientView.Insurance.class), Sql.stringMap(rs, "external_ids"));
        return new Row(rs.getString("id"), draft, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
