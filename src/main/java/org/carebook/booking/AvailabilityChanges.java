package org.carebook.booking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The primary's log of what changed availability (ADR 0013), asked whether an answer computed at some
 * snapshot, here or on a standby (ADR 0014), can still be true. Triggers write it; this reads and trims it.
 */
@Component
class AvailabilityChanges {

    /** How long the log keeps a change at least; answers are served for far less ({@link AvailabilityCache}). */
    static final Duration KEPT = Duration.ofHours(1);

    private final JdbcClient jdbc;

    AvailabilityChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an answer of the organization depends on: its catalogue, and the clinicians' and rooms' bookings. */
    static String[] subjects(Tenant tenant, Set<String> booked) {
        var subjects = new ArrayList<>(booked);
        subjects.add(tenant.organizationId());
        return Sql.array(subjects);
    }

    /** The snapshot of the database this connection reads: taken before computing an answer. */
    String snapshot() {
        return jdbc.sql("SELECT pg_current_snapshot()::text")
                .query(String.class)
                .single();
    }

    /**
     * Whether a transaction the snapshot could not see has logged a change to one of the subjects, or the
     * snapshot is older than the log still covers (a standby far behind).
     */
    boolean changedSince(String snapshot, String[] subjects) {
        return jdbc.sql("""
                        SELECT EXISTS (
                               SELECT 1 FROM availability_changes
                                WHERE subject_id = ANY (CAST(:subjects AS text[]))
                                  AND changed_by >= pg_snapshot_xmin(CAST(:snapshot AS pg_snapshot))
                                  AND NOT pg_visible_in_snapshot(changed_by, CAST(:snapshot AS pg_snapshot)))
                            OR COALESCE(pg_snapshot_xmin(CAST(:snapshot AS pg_snapshot))
                                        < (SELECT oldest_running FROM availability_log_marks
                                            ORDER BY marked_at LIMIT 1), false)""")
                .param("subjects", subjects)
                .param("snapshot", snapshot)
                .query(Boolean.class)
                .single();
    }

    /**
     * Marks the oldest running transaction, then drops the changes below the newest mark older than
     * {@link #KEPT} and the marks before it. One process at a time; the others skip the round.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @Transactional
    public void forgetOldChanges() {
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('availability_log_marks'))")
                .query(Boolean.class)
                .single();
        if (!mine) {
            return;
        }
        jdbc.sql("INSERT INTO availability_log_marks DEFAULT VALUES").update();
        jdbc.sql("""
                        WITH cut AS (
                             SELECT marked_at, oldest_running FROM availability_log_marks
                              WHERE marked_at < clock_timestamp() - CAST(:kept AS interval)
                              ORDER BY marked_at DESC LIMIT 1),
                        changes AS (
                             DELETE FROM availability_changes
                              WHERE changed_by < (SELECT oldest_running FROM cut))
                        DELETE FROM availability_log_marks
                         WHERE marked_at < (SELECT marked_at FROM cut)""").param("kept", KEPT.toSeconds() + " seconds").update();
    }
}
