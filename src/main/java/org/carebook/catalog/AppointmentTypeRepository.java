package org.carebook.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AppointmentTypeRepository {

    private final JdbcClient jdbc;

    AppointmentTypeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, AppointmentTypeDraft draft, Instant createdAt, Instant updatedAt) {}

    /** Filters of a list; null means "any". */
    record Filter(Boolean active, Boolean onlineBookable, String clinicianId) {}

    void insert(Tenant tenant, String id, AppointmentTypeDraft draft, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO appointment_types (id, organization_id, mode, name, description, duration_minutes,
                            price, currency, is_active, allow_online_booking, modes, buffer_before_minutes,
                            buffer_after_minutes, min_notice_minutes, max_advance_days, slot_interval_minutes,
                            requires_room, capacity, requires_approval, color, clinician_ids, cancel_notice_hours, reschedule_notice_hours,
                            max_reschedules, service_type_system, service_type_code, service_type_display, created_at,
                            updated_at)
                        VALUES (:id, :org, :mode, :name, :description, :duration, :price, :currency, :active, :online,
                            :modes, :before, :after, :notice, :advance, :interval, :room, :capacity, :approval, :color, :clinicians, :cancelNotice,
                            :rescheduleNotice, :maxReschedules, :serviceSystem, :serviceCode, :serviceDisplay, :now,
                            :now)"""), tenant)
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    /**
     * Writes the type. A class's sessions to come follow its capacity (V25), and the database refuses a capacity
     * below the places one of them has taken: that is a 422 on {@code capacity}.
     */
    void update(String id, AppointmentTypeDraft draft, Instant now) {
        try {
            write(id, draft, now);
        } catch (DataIntegrityViolationException e) {
            if (!refusedBy(e, "capacity_covers_places_taken")) {
                throw e;
            }
            throw CarebookException.invalid(
                    List.of(FieldIssue.at("capacity", "is below the places already taken in a session still to come")));
        }
    }

    private static boolean refusedBy(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return constraint.equals(p.getServerErrorMessage().getConstraint());
            }
        }
        return false;
    }

    private void write(String id, AppointmentTypeDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE appointment_types SET name = :name, description = :description,
                            duration_minutes = :duration, price = :price, currency = :currency, is_active = :active,
                            allow_online_booking = :online, modes = :modes, buffer_before_minutes = :before,
                            buffer_after_minutes = :after, min_notice_minutes = :notice, max_advance_days = :advance,
                            slot_interval_minutes = :interval, requires_room = :room, capacity = :capacity, requires_approval = :approval, color = :color, clinician_ids = :clinicians,
                            cancel_notice_hours = :cancelNotice, reschedule_notice_hours = :rescheduleNotice,
                            max_reschedules = :maxReschedules, service_type_system = :serviceSystem,
                            service_type_code = :serviceCode, service_type_display = :serviceDisplay, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "appointment_types", tenant, id, forUpdate)
                .query(AppointmentTypeRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, Filter filter, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM appointment_types WHERE organization_id = :org AND mode = :mode
                          AND (CAST(:active AS boolean) IS NULL OR is_active = :active)
                          AND (CAST(:online AS boolean) IS NULL OR allow_online_booking = :online)
                          AND (CAST(:clinician AS text) IS NULL OR clinician_ids = '{}' OR :clinician = ANY(clinician_ids))
                          AND (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("active", filter.active())
                .param("online", filter.onlineBookable())
                .param("clinician", filter.clinicianId())
                .query(AppointmentTypeRepository::row)
                .list();
    }

    private static Map<String, Object> columns(AppointmentTypeDraft d) {
        var values = new java.util.HashMap<String, Object>();
        values.put("name", d.name());
        values.put("description", d.description());
        values.put("duration", d.durationMinutes());
        values.put("price", d.price());
        values.put("currency", d.currency());
        values.put("active", d.isActive());
        values.put("online", d.allowOnlineBooking());
        values.put("modes", Sql.array(d.modes()));
        values.put("before", d.bufferBeforeMinutes());
        values.put("after", d.bufferAfterMinutes());
        values.put("notice", d.minNoticeMinutes());
        values.put("advance", d.maxAdvanceDays());
        values.put("interval", d.slotIntervalMinutes());
        values.put("room", d.requiresRoom());
        values.put("capacity", d.capacity());
        values.put("approval", d.requiresApproval());
        values.put("color", d.color());
        values.put("clinicians", Sql.array(d.clinicianIds()));
        values.put("cancelNotice", d.cancelNoticeHours());
        values.put("rescheduleNotice", d.rescheduleNoticeHours());
        values.put("maxReschedules", d.maxReschedules());
        var service = d.serviceType();
        values.put("serviceSystem", service == null ? null : service.system());
        values.put("serviceCode", service == null ? null : service.code());
        values.put("serviceDisplay", service == null ? null : service.display());
        return values;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var draft = new AppointmentTypeDraft(
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("duration_minutes"),
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                rs.getBoolean("is_active"),
                rs.getBoolean("allow_online_booking"),
                Sql.texts(rs, "modes"),
                rs.getInt("buffer_before_minutes"),
                rs.getInt("buffer_after_minutes"),
                rs.getInt("min_notice_minutes"),
                rs.getInt("max_advance_days"),
                rs.getInt("slot_interval_minutes"),
                rs.getBoolean("requires_room"),
                rs.getInt("capacity"),
                rs.getBoolean("requires_approval"),
                rs.getString("color"),
                Sql.texts(rs, "clinician_ids"),
                rs.getObject("cancel_notice_hours", Integer.class),
                rs.getObject("reschedule_notice_hours", Integer.class),
                rs.getObject("max_reschedules", Integer.class),
                rs.getString("service_type_system") == null
                        ? null
                        : new ServiceType(
                                rs.getString("service_type_system"),
                                rs.getString("service_type_code"),
                                rs.getString("service_type_display")));
        return new Row(rs.getString("id"), draft, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
