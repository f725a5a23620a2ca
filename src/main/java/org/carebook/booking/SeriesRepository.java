package org.carebook.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.carebook.kernel.WireName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SeriesRepository {

    private final JdbcClient jdbc;

    SeriesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Series s) {
        var rule = s.recurrence();
        Sql.scoped(jdbc.sql("""
                        INSERT INTO appointment_series (id, organization_id, mode, status, patient_id,
                            appointment_type_id, clinician_id, location_id, is_remote, timezone, first_start, frequency,
                            repeat_every, by_day, occurrence_count, until_date, on_conflict, created_at, updated_at)
                        VALUES (:id, :org, :mode, :status, :patient, :type, :clinician, :location, :remote, :zone,
                            :first, :frequency, :every, CAST(:byDay AS text[]), :count, :until, :onConflict, :now, :now)"""), s.tenant())
                .param("id", s.id())
                .param("status", s.status().wire())
                .param("patient", s.patientId())
                .param("type", s.appointmentTypeId())
                .param("clinician", s.clinicianId())
                .param("location", s.locationId())
                .param("remote", s.remote())
                .param("zone", s.zone().getId())
                .param("first", Sql.at(s.firstStart()))
                .param("frequency", rule.frequency().wire())
                .param("every", rule.interval())
                .param(
                        "byDay",
                        Sql.array(rule.byDay().stream().map(WireName::wire).toList()))
                .param("count", rule.count())
                .param("until", rule.until())
                .param("onConflict", s.onConflict().wire())
                .param("now", Sql.at(s.createdAt()))
                .update();
    }

    Optional<Series> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "appointment_series", tenant, id, forUpdate)
                .query(SeriesRepository::row)
                .optional();
    }

    void save(Series s) {
        jdbc.sql("UPDATE appointment_series SET status = :status, updated_at = :now WHERE id = :id")
                .param("id", s.id())
                .param("status", s.status().wire())
                .param("now", Sql.at(s.updatedAt()))
                .update();
    }

    /** The appointments the series booked, in the order of its dates, each as it is now. */
    List<SeriesView.Occurrence> occurrences(String seriesId) {
        return jdbc.sql("""
                        SELECT series_index, id, status, start_time, end_time, timezone FROM appointments
                         WHERE series_id = :series ORDER BY series_index""")
                .param("series", seriesId)
                .query((rs, n) -> {
                    ZoneId zone = ZoneId.of(rs.getString("timezone"));
                    return new SeriesView.Occurrence(
                            rs.getInt("series_index"),
                            rs.getString("id"),
                            AppointmentStatus.fromWire(rs.getString("status")),
                            Sql.instant(rs, "start_time").atZone(zone).toOffsetDateTime(),
                            Sql.instant(rs, "end_time").atZone(zone).toOffsetDateTime());
                })
                .list();
    }

    /** The skipped dates, in one statement. */
    void insertSkipped(String seriesId, List<SkippedDate> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO appointment_series_skips (series_id, series_index, local_date, start_time, obstacle)
                        SELECT :series, i::integer, d::date, s::timestamptz, o
                          FROM unnest(CAST(:indexes AS text[]), CAST(:dates AS text[]), CAST(:starts AS text[]),
                                      CAST(:obstacles AS text[])) AS skip (i, d, s, o)""")
                .param("series", seriesId)
                .param("indexes", texts(skipped, date -> String.valueOf(date.index())))
                .param("dates", texts(skipped, date -> date.date().toString()))
                .param(
                        "starts",
                        texts(
                                skipped,
                                date -> date.startTime() == null
                                        ? null
                                        : date.startTime().toString()))
                .param("obstacles", texts(skipped, date -> date.reason().wire()))
                .update();
    }

    private static String[] texts(List<SkippedDate> skipped, java.util.function.Function<SkippedDate, String> part) {
        return skipped.stream().map(part).toArray(String[]::new);
    }

    List<SkippedDate> skipped(String seriesId, ZoneId zone) {
        return jdbc.sql("""
                        SELECT series_index, local_date, start_time, obstacle FROM appointment_series_skips
                         WHERE series_id = :series ORDER BY series_index""")
                .param("series", seriesId)
                .query((rs, n) -> {
                    var start = Sql.instant(rs, "start_time");
                    return new SkippedDate(
                            rs.getInt("series_index"),
                            rs.getObject("local_date", java.time.LocalDate.class),
                            start == null ? null : start.atZone(zone).toOffsetDateTime(),
                            WireName.parse(SkippedDate.Obstacle.class, rs.getString("obstacle")));
                })
                .list();
    }

    private static Series row(ResultSet rs, int n) throws SQLException {
        var recurrence = new Recurrence(
                WireName.parse(Recurrence.Frequency.class, rs.getString("frequency")),
                rs.getInt("repeat_every"),
                Sql.texts(rs, "by_day").stream()
                        .map(day -> WireName.parse(Recurrence.Weekday.class, day))
                        .toList(),
                (Integer) rs.getObject("occurrence_count"),
                rs.getObject("until_date", java.time.LocalDate.class));
        return new Series(
                rs.getString("id"),
                new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode"))),
                WireName.parse(SeriesView.Status.class, rs.getString("status")),
                rs.getString("patient_id"),
                rs.getString("appointment_type_id"),
                rs.getString("clinician_id"),
                rs.getString("location_id"),
                rs.getBoolean("is_remote"),
                ZoneId.of(rs.getString("timezone")),
                Sql.instant(rs, "first_start"),
                recurrence,
                WireName.parse(BookSeries.OnConflict.class, rs.getString("on_conflict")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
