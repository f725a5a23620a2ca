package org.carebook.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.availability.Interval;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The busy time availability subtracts (rules 4 and 5 of docs/api.md §3), read from the guard's table: blocking
 * rows of appointments, sessions and unexpired holds, by clinician and by room. A seat's own row stands aside:
 * its session's row already keeps the clinician and room.
 */
@Repository
class BusyTime {

    private final JdbcClient jdbc;

    BusyTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Busy intervals of the clinicians and rooms, read in one query: what availability rule 4 and 5 subtract. */
    Busy of(Collection<String> clinicianIds, Collection<String> roomIds, Interval window, Instant now) {
        Map<String, List<Interval>> byClinician = new HashMap<>();
        Map<String, List<Interval>> byRoom = new HashMap<>();
        Instant[] firstExpiry = new Instant[1];
        jdbc.sql(BUSY)
                .param("clinicians", Sql.array(clinicianIds))
                .param("rooms", Sql.array(roomIds))
                .param("from", Sql.at(window.start()))
                .param("to", Sql.at(window.end()))
                .param("now", Sql.at(now))
                .query(
                        rs -> { // by position: thousands of rows, and a lookup by name costs more than the read
                            var interval = new Interval(Sql.instant(rs, 3), Sql.instant(rs, 4));
                            byClinician
                                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(interval);
                            String room = rs.getString(2);
                            if (room != null) {
                                byRoom.computeIfAbsent(room, k -> new ArrayList<>())
                                        .add(interval);
                            }
                            Instant expires = Sql.instant(rs, 5);
                            if (expires != null && (firstExpiry[0] == null || expires.isBefore(firstExpiry[0]))) {
                                firstExpiry[0] = expires;
                            }
                        });
        return new Busy(byClinician, byRoom, Optional.ofNullable(firstExpiry[0]));
    }

    /** The busy-interval query of availability; the benchmark runs the same text with pgbench. */
    static final String BUSY = """
            SELECT clinician_id, room_id, lower(blocked) AS starts, upper(blocked) AS ends, expires_at
              FROM blocking_intervals
             WHERE (clinician_id = ANY (CAST(:clinicians AS text[])) OR room_id = ANY (CAST(:rooms AS text[])))
               AND blocked && tstzrange(:from, :to)
               AND (expires_at IS NULL OR expires_at > :now) AND NOT seat""";

    /** A clinician's taken time, and whether it is only tentatively taken: a hold, or a booking awaiting approval. */
    record Taken(Interval interval, boolean tentative) {}

    /** The clinicians' taken time over the window, each interval marked tentative or not: what Slot statuses tell. */
    Map<String, List<Taken>> taken(Collection<String> clinicianIds, Interval window, Instant now) {
        Map<String, List<Taken>> taken = new HashMap<>();
        jdbc.sql("""
                        SELECT b.clinician_id, lower(b.blocked), upper(b.blocked),
                               b.expires_at IS NOT NULL OR a.status = 'pending'
                          FROM blocking_intervals b LEFT JOIN appointments a ON a.id = b.owner_id
                         WHERE b.clinician_id = ANY (CAST(:clinicians AS text[])) AND b.blocked && tstzrange(:from, :to)
                           AND (b.expires_at IS NULL OR b.expires_at > :now) AND NOT b.seat""")
                .param("clinicians", Sql.array(clinicianIds))
                .param("from", Sql.at(window.start()))
                .param("to", Sql.at(window.end()))
                .param("now", Sql.at(now))
                .query(rs -> {
                    taken.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Taken(new Interval(Sql.instant(rs, 2), Sql.instant(rs, 3)), rs.getBoolean(4)));
                });
        return taken;
    }

    /** Busy time by clinician and by room, and when the first of the holds among it expires (if any does). */
    record Busy(
            Map<String, List<Interval>> byClinician, Map<String, List<Interval>> byRoom, Optional<Instant> nextExpiry) {

        static Busy none() {
            return new Busy(Map.of(), Map.of(), Optional.empty());
        }
    }
}
