package org.carebook.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class ScheduleRepository {

    private static final TypeReference<List<Hours>> HOURS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, ScheduleDraft draft, Instant createdAt, Instant updatedAt) {}

    void insert(Tenant tenant, String id, ScheduleDraft draft, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO schedules (id, organization_id, mode, clinician_id, location_id, is_remote, timezone,
                            weekly_hours, valid_from, valid_until, appointment_type_ids, accepted_insurance_payers,
                            is_active, created_at, updated_at)
                        VALUES (:id, :org, :mode, :clinician, :location, :remote, :timezone, :hours::jsonb, :from,
                            :until, :types, :payers, :active, :now, :now)"""), tenant)
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    void update(String id, ScheduleDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE schedules SET clinician_id = :clinician, location_id = :location, is_remote = :remote,
                            timezone = :timezone, weekly_hours = :hours::jsonb, valid_from = :from,
                            valid_until = :until, appointment_type_ids = :types, accepted_insurance_payers = :payers,
                            is_active = :active, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "schedules", tenant, id, forUpdate)
                .query(ScheduleRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, String clinicianId, String locationId, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM schedules WHERE organization_id = :org AND mode = :mode
                          AND (CAST(:clinician AS text) IS NULL OR clinician_id = :clinician)
                          AND (CAST(:location AS text) IS NULL OR location_id = :location)
                          AND (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("clinician", clinicianId)
                .param("location", locationId)
                .query(ScheduleRepository::row)
                .list();
    }

    Optional<String> locationTimezone(Tenant tenant, String locationId) {
        return Sql.scoped(
                        jdbc.sql(
                                "SELECT timezone FROM locations WHERE id = :id AND organization_id = :org AND mode = :mode"),
                        tenant)
                .param("id", locationId)
                .query(String.class)
                .optional();
    }

    void putException(String scheduleId, LocalDate date, List<Hours> hours, Instant now) {
        jdbc.sql("""
                        INSERT INTO schedule_exceptions (schedule_id, date, hours, created_at, updated_at)
                        VALUES (:schedule, :date, :hours::jsonb, :now, :now)
                        ON CONFLICT (schedule_id, date) DO UPDATE SET hours = excluded.hours, updated_at = excluded.updated_at""")
                .param("schedule", scheduleId)
                .param("date", date)
                .param("hours", Sql.json(hours))
                .param("now", Sql.at(now))
                .update();
    }

    List<ScheduleView.DateException> exceptions(String scheduleId) {
        return jdbc.sql(
                        "SELECT schedule_id, date, hours FROM schedule_exceptions WHERE schedule_id = :schedule ORDER BY date")
                .param("schedule", scheduleId)
                .query(ScheduleRepository::exception)
                .list();
    }

    Optional<ScheduleView.DateException> exception(String scheduleId, LocalDate date) {
        return jdbc.sql(
                        "SELECT schedule_id, date, hours FROM schedule_exceptions WHERE schedule_id = :schedule AND date = :date")
                .param("schedule", scheduleId)
                .param("date", date)
                .query(ScheduleRepository::exception)
                .optional();
    }

    void deleteException(String scheduleId, LocalDate date) {
        jdbc.sql("DELETE FROM schedule_exceptions WHERE schedule_id = :schedule AND date = :date")
                .param("schedule", scheduleId)
                .param("date", date)
                .update();
    }

    private static ScheduleView.DateException exception(ResultSet rs, int n) throws SQLException {
        return new ScheduleView.DateException(
                rs.getString("schedule_id"), rs.getObject("date", LocalDate.class), Sql.json(rs, "hours", HOURS));
    }

    private static Map<String, Object> columns(ScheduleDraft d) {
        var values = new java.util.HashMap<String, Object>();
        values.put("clinician", d.clinicianId());
        values.put("location", d.locationId());
        values.put("remote", d.isRemote());
        values.put("timezone", d.timezone());
        values.put("hours", Sql.json(d.weeklyHours()));
        values.put("from", d.validFrom());
        values.put("until", d.validUntil());
        values.put("types", Sql.array(d.appointmentTypeIds()));
        values.put("payers", Sql.array(d.acceptedInsurancePayers()));
        values.put("active", d.isActive());
        return values;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var draft = new ScheduleDraft(
                rs.getString("clinician_id"),
                rs.getString("location_id"),
                rs.getBoolean("is_remote"),
                rs.getString("timezone"),
                Sql.json(rs, "weekly_hours", HOURS),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                Sql.texts(rs, "appointment_type_ids"),
                Sql.texts(rs, "accepted_insurance_payers"),
                rs.getBoolean("is_active"));
        return new Row(rs.getString("id"), draft, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
