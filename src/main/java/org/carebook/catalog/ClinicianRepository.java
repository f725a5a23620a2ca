package org.carebook.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClinicianRepository {

    private final JdbcClient jdbc;

    ClinicianRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, ClinicianDraft draft, Instant createdAt, Instant updatedAt) {}

    void insert(Tenant tenant, String id, ClinicianDraft draft, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO clinicians (id, organization_id, mode, name, title, specialty, email, phone,
                                                is_active, timezone, external_ids, created_at, updated_at)
                        VALUES (:id, :org, :mode, :name, :title, :specialty, :email, :phone, :active, :timezone,
                                :external::jsonb, :now, :now)"""), tenant)
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    void update(String id, ClinicianDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE clinicians SET name = :name, title = :title, specialty = :specialty, email = :email,
                            phone = :phone, is_active = :active, timezone = :timezone, external_ids = :external::jsonb,
                            updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "clinicians", tenant, id, forUpdate)
                .query(ClinicianRepository::row)
                .optional();
    }

    /** With a location: the clinicians who have an active schedule there. */
    List<Row> page(Tenant tenant, String locationId, Boolean active, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM clinicians c WHERE organization_id = :org AND mode = :mode
                          AND (CAST(:active AS boolean) IS NULL OR is_active = :active)
                          AND (CAST(:location AS text) IS NULL OR EXISTS (
                                SELECT 1 FROM schedules s
                                WHERE s.clinician_id = c.id AND s.location_id = :location AND s.is_active))
                          AND (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("active", active)
                .param("location", locationId)
                .query(ClinicianRepository::row)
                .list();
    }

    void insertTimeOff(
            Tenant tenant, String id, String clinicianId, Instant start, Instant end, String reason, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO clinician_time_off (id, clinician_id, organization_id, mode, during, reason, created_at)
                        VALUES (:id, :clinician, :org, :mode, tstzrange(:start, :end, '[)'), :reason, :now)"""), tenant)
                .param("id", id)
                .param("clinician", clinicianId)
                .param("start", Sql.at(start))
                .param("end", Sql.at(end))
                .param("reason", reason)
                .param("now", Sql.at(now))
                .update();
    }

    Optional<TimeOffView> findTimeOff(String clinicianId, String id) {
        return jdbc.sql(TIME_OFF + " WHERE clinician_id = :clinician AND id = :id")
                .param("clinician", clinicianId)
                .param("id", id)
                .query(ClinicianRepository::timeOff)
                .optional();
    }

    List<TimeOffView> timeOff(String clinicianId) {
        return jdbc.sql(TIME_OFF + " WHERE clinician_id = :clinician ORDER BY lower(during), id")
                .param("clinician", clinicianId)
                .query(ClinicianRepository::timeOff)
                .list();
    }

    void deleteTimeOff(String id) {
        jdbc.sql("DELETE FROM clinician_time_off WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static final String TIME_OFF = """
            SELECT id, clinician_id, lower(during) AS start_time, upper(during) AS end_time, reason, created_at
            FROM clinician_time_off""";

    private static TimeOffView timeOff(ResultSet rs, int n) throws SQLException {
        return new TimeOffView(
                rs.getString("id"),
                rs.getString("clinician_id"),
                Sql.instant(rs, "start_time"),
                Sql.instant(rs, "end_time"),
                rs.getString("reason"),
                Sql.instant(rs, "created_at"));
    }

    private static Map<String, Object> columns(ClinicianDraft draft) {
        var values = new java.util.HashMap<String, Object>();
        values.put("name", draft.name());
        values.put("title", draft.title());
        values.put("specialty", draft.specialty());
        values.put("email", draft.email());
        values.put("phone", draft.phone());
        values.put("active", draft.isActive());
        values.put("timezone", draft.timezone());
        values.put("external", Sql.json(draft.externalIds()));
        return values;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var draft = new ClinicianDraft(
                rs.getString("name"),
                rs.getString("title"),
                rs.getString("specialty"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getBoolean("is_active"),
                rs.getString("timezone"),
                Sql.stringMap(rs, "external_ids"));
        return new Row(rs.getString("id"), draft, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
