package org.carebook.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carebook.availability.ClockBlock;
import org.carebook.availability.Interval;
import org.carebook.availability.WorkingSchedule;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * The catalogue as the slot engine reads it: active schedules of active clinicians with their
 * exceptions, time off and active rooms, each loaded for all clinicians at once (one query apiece,
 * never one per day or per clinician).
 */
@Service
public class WorkingHours {

    private static final TypeReference<List<Hours>> HOURS = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<Hours>>> EXCEPTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    WorkingHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Schedules that may offer times between the two local dates; null clinician or location: any. */
    @Transactional(readOnly = true)
    public List<WorkingSchedule> schedules(
            Tenant tenant, String clinicianId, String locationId, LocalDate from, LocalDate to) {
        return Sql.scoped(jdbc.sql("""
                        SELECT s.id, s.clinician_id, c.name AS clinician_name, s.location_id, l.name AS location_name,
                               s.is_remote, s.timezone, s.weekly_hours, s.valid_from, s.valid_until,
                               s.appointment_type_ids, s.accepted_insurance_payers,
                               (SELECT jsonb_object_agg(e.date::text, e.hours) FROM schedule_exceptions e
                                 WHERE e.schedule_id = s.id AND e.date BETWEEN :from AND :to) AS exceptions
                          FROM schedules s
                          JOIN clinicians c ON c.id = s.clinician_id
                          LEFT JOIN locations l ON l.id = s.location_id
                         WHERE s.organization_id = :org AND s.mode = :mode AND s.is_active AND c.is_active
                           AND (l.id IS NULL OR l.is_active)
                           AND (CAST(:clinician AS text) IS NULL OR s.clinician_id = :clinician)
                           AND (CAST(:location AS text) IS NULL OR s.location_id = :location)
                           AND (s.valid_from IS NULL OR s.valid_from <= :to)
                           AND (s.valid_until IS NULL OR s.valid_until >= :from)
                         ORDER BY s.id"""), tenant)
                .param("clinician", clinicianId)
                .param("location", locationId)
                .param("from", from)
                .param("to", to)
                .query(WorkingHours::schedule)
                .list();
    }

    /** Time off of the given clinicians that overlaps {@code [from, to)}, by clinician. */
    @Transactional(readOnly = true)
    public Map<String, List<Interval>> timeOff(Collection<String> clinicianIds, Instant from, Instant to) {
        var byClinician = new HashMap<String, List<Interval>>();
        jdbc.sql("""
                        SELECT clinician_id, lower(during) AS starts, upper(during) AS ends FROM clinician_time_off
                         WHERE clinician_id = ANY (CAST(:clinicians AS text[])) AND during && tstzrange(:from, :to)""")
                .param("clinicians", Sql.array(clinicianIds))
                .param("from", Sql.at(from))
                .param("to", Sql.at(to))
                .query(rs -> {
                    byClinician
                            .computeIfAbsent(rs.getString("clinician_id"), k -> new ArrayList<>())
                            .add(new Interval(Sql.instant(rs, "starts"), Sql.instant(rs, "ends")));
                });
        return byClinician;
    }

    /** The active rooms of the given locations, by location. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> activeRooms(Collection<String> locationIds) {
        var byLocation = new HashMap<String, List<String>>();
        jdbc.sql("""
                        SELECT id, location_id FROM rooms
                         WHERE location_id = ANY (CAST(:locations AS text[])) AND is_active ORDER BY created_at, id""").param("locations", Sql.array(locationIds)).query(rs -> {
            byLocation
                    .computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>())
                    .add(rs.getString("id"));
        });
        return byLocation;
    }

    private static WorkingSchedule schedule(ResultSet rs, int n) throws SQLException {
        var weekly = new HashMap<DayOfWeek, List<ClockBlock>>();
        for (Hours h : Sql.json(rs, "weekly_hours", HOURS)) {
            weekly.computeIfAbsent(h.dayOfWeek(), d -> new ArrayList<>()).add(block(h));
        }
        var exceptions = new HashMap<LocalDate, List<ClockBlock>>();
        if (rs.getString("exceptions") != null) {
            Sql.json(rs, "exceptions", EXCEPTIONS)
                    .forEach((date, hours) -> exceptions.put(
                            LocalDate.parse(date),
                            hours.stream().map(WorkingHours::block).toList()));
        }
        return new WorkingSchedule(
                rs.getString("id"),
                rs.getString("clinician_id"),
                rs.getString("clinician_name"),
                true,
                rs.getString("location_id"),
                rs.getString("location_name"),
                rs.getBoolean("is_remote"),
                ZoneId.of(rs.getString("timezone")),
                weekly,
                exceptions,
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                Set.copyOf(Sql.texts(rs, "appointment_type_ids")),
                Set.copyOf(Sql.texts(rs, "accepted_insurance_payers")),
                true);
    }

    private static ClockBlock block(Hours hours) {
        return new ClockBlock(hours.startTime(), hours.endTime());
    }
}
