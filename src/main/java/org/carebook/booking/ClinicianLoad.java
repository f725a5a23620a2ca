package org.carebook.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carebook.availability.Slot;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How busy each clinician is on a day, to give "any clinician" bookings fairly: fewest bookings that day
 * (appointments and active holds) first, ties in turn (to whoever was given one of that day's longest ago,
 * or none yet), then by id.
 */
@Repository
class ClinicianLoad {

    private final JdbcClient jdbc;

    ClinicianLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Load(long bookings, Instant lastGiven) {}

    /** The free slots (one per clinician, all at the same start) in the order to try them. */
    List<Slot> fairestFirst(List<Slot> free, Instant now) {
        var first = free.get(0);
        LocalDate day = first.start().atZone(first.zone()).toLocalDate();
        var loads = loads(
                free.stream().map(Slot::clinicianId).distinct().toList(),
                day.atStartOfDay(first.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(first.zone()).toInstant(),
                now);
        Comparator<Slot> fairest = Comparator.<Slot>comparingLong(
                        s -> loads.get(s.clinicianId()).bookings())
                .thenComparing(
                        s -> loads.get(s.clinicianId()).lastGiven(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Slot::clinicianId);
        return free.stream().sorted(fairest).toList();
    }

    private Map<String, Load> loads(List<String> clinicianIds, Instant from, Instant to, Instant now) {
        return jdbc
                .sql("""
                        WITH day AS (
                            SELECT clinician_id, created_at FROM appointments
                             WHERE clinician_id = ANY (CAST(:ids AS text[])) AND status <> 'cancelled'
                               AND start_time >= :from AND start_time < :to
                            UNION ALL
                            SELECT clinician_id, created_at FROM holds
                             WHERE clinician_id = ANY (CAST(:ids AS text[])) AND status = 'active' AND expires_at > :now
                               AND start_time >= :from AND start_time < :to)
                        SELECT c.id, count(day.clinician_id) AS bookings, max(day.created_at) AS last_given
                          FROM unnest(CAST(:ids AS text[])) AS c (id)
                          LEFT JOIN day ON day.clinician_id = c.id
                         GROUP BY c.id""")
                .param("ids", Sql.array(clinicianIds))
                .param("from", Sql.at(from))
                .param("to", Sql.at(to))
                .param("now", Sql.at(now))
                .query((rs, n) ->
                        Map.entry(rs.getString("id"), new Load(rs.getLong("bookings"), Sql.instant(rs, "last_given"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
