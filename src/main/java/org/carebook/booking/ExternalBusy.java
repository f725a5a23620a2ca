package org.carebook.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.carebook.availability.Interval;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Busy time from a clinician's external calendars, kept as blocking rows that take part in no constraint but that
 * every claim checks in the statement that inserts it (see {@link BlockingIntervals}). So availability, holds and
 * bookings all respect it, and a booking racing a poll is the same race as with any non-exclusive row: whichever
 * commits first stands, and an external event is never refused, since it already happened elsewhere.
 */
@Service
public class ExternalBusy {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    ExternalBusy(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** How the stored busy time of a link changed. */
    public record Change(int added, int removed) {}

    /**
     * Makes the link's busy time within {@code window} exactly {@code busy}: rows no longer there are deleted (their
     * time is freed, which may offer it to the waitlist), new ones inserted, unchanged ones left alone so that
     * cached answers over them stay valid.
     */
    @Transactional
    public Change replace(Tenant tenant, String linkId, String clinicianId, Interval window, List<Interval> busy) {
        var stored = stored(linkId, window);
        var wanted = new HashSet<>(busy);
        var gone = stored.entrySet().stream()
                .filter(row -> !wanted.contains(row.getValue()))
                .toList();
        if (!gone.isEmpty()) {
            jdbc.sql("DELETE FROM blocking_intervals WHERE owner_id = ANY (CAST(:owners AS text[]))")
                    .param(
                            "owners",
                            Sql.array(gone.stream().map(Map.Entry::getKey).toList()))
                    .update();
            gone.forEach(row -> publisher.publishEvent(new TimeFreed(
                    tenant, clinicianId, row.getValue().start(), row.getValue().end())));
        }
        var kept = new HashSet<>(stored.values());
        var added = wanted.stream().filter(interval -> !kept.contains(interval)).toList();
        if (!added.isEmpty()) {
            insert(linkId, clinicianId, added);
        }
        return new Change(added.size(), gone.size());
    }

    /** External busy time of the clinicians over the window, by clinician: what the console shows. */
    @Transactional(readOnly = true)
    public Map<String, List<Interval>> of(Collection<String> clinicianIds, Interval window) {
        Map<String, List<Interval>> busy = new HashMap<>();
        jdbc.sql("""
                        SELECT clinician_id, lower(blocked) AS starts, upper(blocked) AS ends FROM blocking_intervals
                         WHERE calendar_link_id IS NOT NULL AND clinician_id = ANY (CAST(:clinicians AS text[]))
                           AND blocked && tstzrange(:from, :to)
                         ORDER BY lower(blocked)""")
                .param("clinicians", Sql.array(clinicianIds))
                .param("from", Sql.at(window.start()))
                .param("to", Sql.at(window.end()))
                .query(rs -> {
                    busy.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Interval(Sql.instant(rs, 2), Sql.instant(rs, 3)));
                });
        return busy;
    }

    /**
     * The link's rows over the window, locked. Read by link alone and narrowed here: a link has few rows, and with
     * the window in the query a generic plan also scans the clinicians' GiST index over every clinician's time.
     */
    private Map<String, Interval> stored(String linkId, Interval window) {
        Map<String, Interval> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT owner_id, lower(blocked), upper(blocked) FROM blocking_intervals
                         WHERE calendar_link_id = :link FOR UPDATE""").param("link", linkId).query(rs -> {
            var interval = new Interval(Sql.instant(rs, 2), Sql.instant(rs, 3));
            if (interval.overlaps(window)) {
                rows.put(rs.getString(1), interval);
            }
        });
        return rows;
    }

    /** All new rows in one statement: a calendar read again after a change may bring hundreds. */
    private void insert(String linkId, String clinicianId, List<Interval> intervals) {
        jdbc.sql("""
                        INSERT INTO blocking_intervals
                            (owner_id, clinician_id, blocked, attended, exclusive, calendar_link_id)
                        SELECT owner, :clinician, tstzrange(starts, ends), tstzrange(starts, ends), false, :link
                          FROM unnest(CAST(:owners AS text[]), CAST(CAST(:starts AS text[]) AS timestamptz[]),
                                      CAST(CAST(:ends AS text[]) AS timestamptz[]))
                               AS added (owner, starts, ends)""")
                .param(
                        "owners",
                        Sql.array(intervals.stream().map(i -> Ids.next("xbusy")).toList()))
                .param(
                        "starts",
                        Sql.array(intervals.stream()
                                .map(i -> i.start().toString())
                                .toList()))
                .param(
                        "ends",
                        Sql.array(
                                intervals.stream().map(i -> i.end().toString()).toList()))
                .param("clinician", clinicianId)
                .param("link", linkId)
                .update();
    }

    /** Time from before a window is of no use to anyone: dropped so that a link's rows stay few. */
    @Transactional
    public int forgetBefore(String linkId, Instant before) {
        return jdbc.sql("""
                        DELETE FROM blocking_intervals WHERE calendar_link_id = :link AND upper(blocked) <= :before""")
                .param("link", linkId)
                .param("before", Sql.at(before))
                .update();
    }
}
