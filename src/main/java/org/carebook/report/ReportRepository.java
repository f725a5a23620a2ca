package org.carebook.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report's figures from the booking tables, each one statement. An appointment belongs to the period by the
 * date it starts in its own zone (the location's), as the calendars show it; declined requests are left out.
 */
@Repository
class ReportRepository {

    /** The appointments of the period at the location, declined requests left out. */
    private static final String PERIOD = """
            FROM appointments a
            WHERE a.organization_id = :org AND a.mode = :mode AND a.location_id = :location
              AND (a.start_time AT TIME ZONE a.timezone)::date BETWEEN :from AND :to
              AND a.status <> 'declined'""";

    /** The states that hold booked time: every one but cancelled and declined. */
    private static final String BOOKED = "('pending', 'confirmed', 'checked_in', 'completed', 'no_show')";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Booked minutes per clinician; a class's attendees share one time, so each time counts once. */
    Map<String, Long> bookedMinutes(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        return period(tenant, locationId, from, to, """
                        SELECT clinician_id, COALESCE(sum(EXTRACT(EPOCH FROM end_time - start_time))::bigint / 60, 0) AS minutes
                        FROM (SELECT DISTINCT a.clinician_id, a.start_time, a.end_time %1$s
                                AND a.status IN %2$s) booked
                        GROUP BY clinician_id""")
                .query((rs, n) -> Map.entry(rs.getString("clinician_id"), rs.getLong("minutes")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Report.Attendance attendance(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        return period(tenant, locationId, from, to, """
                        SELECT count(*) FILTER (WHERE a.status IN ('checked_in', 'completed', 'no_show')) AS due,
                               count(*) FILTER (WHERE a.status = 'no_show') AS no_shows,
                               count(*) AS booked,
                               count(*) FILTER (WHERE a.status = 'cancelled' AND a.late_cancellation) AS late
                        %s""")
                .query((rs, n) -> new Report.Attendance(
                        rs.getLong("due"), rs.getLong("no_shows"), rs.getLong("booked"), rs.getLong("late")))
                .single();
    }

    /** Days from booking to visit, one per appointment, in order. */
    List<Double> leadDays(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        return period(tenant, locationId, from, to, """
                        SELECT EXTRACT(EPOCH FROM a.start_time - a.created_at) / 86400.0 AS days %s ORDER BY days""").query(Double.class).list();
    }

    List<Report.Count> sources(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        return period(tenant, locationId, from, to, """
                        SELECT a.source AS label, count(*) AS n %s GROUP BY a.source ORDER BY n DESC, label""")
                .query((rs, n) -> new Report.Count(rs.getString("label"), rs.getLong("n")))
                .list();
    }

    /** Cancellations by who cancelled and the reason given (the first ten), blank reasons together. */
    List<Report.Count> cancellations(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        return period(tenant, locationId, from, to, """
                        SELECT COALESCE(a.cancelled_by, 'unknown') || ': '
                                   || COALESCE(NULLIF(btrim(a.cancellation_reason), ''), 'no reason given') AS label,
                               count(*) AS n
                        %s AND a.status = 'cancelled' GROUP BY label ORDER BY n DESC, label LIMIT 10""")
                .query((rs, n) -> new Report.Count(rs.getString("label"), rs.getLong("n")))
                .list();
    }

    /** Per date with any: appointments booked (not cancelled), those pending, and the minutes booked. */
    List<DayLoad> perDay(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        return period(tenant, locationId, from, to, """
                        SELECT day, sum(booked) AS booked, sum(pending) AS pending, sum(minutes)::bigint AS minutes
                        FROM (SELECT (a.start_time AT TIME ZONE a.timezone)::date AS day,
                                     count(*) FILTER (WHERE a.status <> 'cancelled') AS booked,
                                     count(*) FILTER (WHERE a.status = 'pending') AS pending,
                                     0 AS minutes
                              %1$s GROUP BY day
                              UNION ALL
                              SELECT day, 0, 0, sum(EXTRACT(EPOCH FROM end_time - start_time)) / 60
                              FROM (SELECT DISTINCT (a.start_time AT TIME ZONE a.timezone)::date AS day, a.clinician_id,
                                           a.start_time, a.end_time
                                    %1$s AND a.status IN %2$s) t
                              GROUP BY day) counted
                        GROUP BY day ORDER BY day""")
                .query((rs, n) -> new DayLoad(
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("booked"),
                        rs.getLong("pending"),
                        0,
                        rs.getLong("minutes")))
                .list();
    }

    private JdbcClient.StatementSpec period(
            Tenant tenant, String locationId, LocalDate from, LocalDate to, String select) {
        return Sql.scoped(jdbc.sql(select.formatted(PERIOD, BOOKED)), tenant)
                .param("location", locationId)
                .param("from", from)
                .param("to", to);
    }
}
