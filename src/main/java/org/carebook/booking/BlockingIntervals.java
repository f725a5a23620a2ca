package org.carebook.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.availability.Interval;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Sql;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The guard every booking path goes through. The table's exclusion constraints decide who gets a
 * time; Java never checks first and inserts after. A claim first deletes expired holds that overlap
 * it (a constraint cannot read the clock), then inserts with ON CONFLICT DO NOTHING, so a lost race
 * is an empty result rather than an aborted transaction and the next free room can be tried.
 */
@Repository
class BlockingIntervals {

    static final String SLOT_TAKEN_MESSAGE = "That time was just taken.";
    static final java.util.function.Supplier<CarebookException> SLOT_TAKEN =
            () -> CarebookException.conflict("slot_taken", SLOT_TAKEN_MESSAGE);
    static final java.util.function.Supplier<CarebookException> PATIENT_CONFLICT = () ->
            CarebookException.conflict("patient_conflict", "The patient already has an appointment at that time.");

    private final JdbcClient jdbc;

    BlockingIntervals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a hold or appointment blocks. {@code rooms} lists the rooms it may take, in order of
     * preference (empty: no room); {@code patientId} is null for holds.
     */
    record Claim(
            String ownerId,
            String clinicianId,
            List<String> rooms,
            String patientId,
            Interval attended,
            Interval blocked,
            Instant expiresAt,
            boolean exclusive) {

        /** The claim of a booking of {@code type}: the clinician and rooms are blocked for its buffers too. */
        static Claim of(
                String ownerId,
                AppointmentTypeView type,
                String clinicianId,
                Interval attended,
                List<String> rooms,
                String patientId,
                Instant expiresAt,
                boolean exclusive) {
            var blocked = attended.widened(
                    Duration.ofMinutes(type.bufferBeforeMinutes()), Duration.ofMinutes(type.bufferAfterMinutes()));
            return new Claim(ownerId, clinicianId, rooms, patientId, attended, blocked, expiresAt, exclusive);
        }
    }

    /** Claims the time, or throws 409 slot_taken (clinician or room) or patient_conflict. Returns the room taken. */
    String claim(Claim claim, Instant now) {
        return tryClaim(claim, now).orElseThrow(SLOT_TAKEN).roomId();
    }

    /** A claim the database accepted, with the room it took (null for none). */
    record Claimed(String roomId) {}

    /**
     * Claims the time if the clinician (and a room, when it needs one) is free, or answers empty when the
     * database refused: lets a caller try the next clinician.
     */
    Optional<Claimed> tryClaim(Claim claim, Instant now) {
        var rooms = claim.rooms().isEmpty() ? java.util.Collections.<String>singletonList(null) : claim.rooms();
        boolean cleared = false;
        for (String room : rooms) {
            boolean claimed = insert(claim, room, now);
            if (!claimed && !cleared) {
                // Rows of expired holds stay in the constraints' way until the sweeper deletes them; they are
                // cleared only when something refused the claim, which is rare.
                cleared = true;
                claimed = clearExpiredHolds(claim, now) > 0 && insert(claim, room, now);
            }
            if (claimed) {
                attachPatient(claim.ownerId(), claim.patientId());
                return Optional.of(new Claimed(room));
            }
        }
        return Optional.empty();
    }

    /**
     * Moves an existing claim in one statement, so the old time is never free while the new one is
     * not yet held. The row does not conflict with itself.
     */
    void move(Claim claim, String room, Instant now) {
        clearExpiredHolds(claim, now);
        int moved = guarded(
                SLOT_TAKEN, () -> jdbc.sql("""
                        UPDATE blocking_intervals
                           SET clinician_id = :clinician, room_id = :room, patient_id = NULL,
                               blocked = tstzrange(:blockedFrom, :blockedTo), attended = tstzrange(:from, :to)
                         WHERE owner_id = :owner
                           AND (NOT exclusive OR NOT EXISTS (
                               SELECT 1 FROM blocking_intervals other
                                WHERE other.owner_id <> :owner AND NOT other.exclusive
                                  AND (other.expires_at IS NULL OR other.expires_at > :now)
                                  AND other.blocked && tstzrange(:blockedFrom, :blockedTo)
                                  AND (other.clinician_id = :clinician OR other.room_id = :room)))""").params(values(claim, room, now)).update());
        if (moved == 0) {
            throw SLOT_TAKEN.get();
        }
        attachPatient(claim.ownerId(), claim.patientId());
    }

    /** A hold's time handed to its appointment, with the class session whose seat came with it (null for none). */
    record Handed(String sessionId) {}

    /**
     * Hands a hold's time to the appointment made from it, and its seat when it holds one in a class; empty if the
     * hold no longer blocks it.
     */
    Optional<Handed> transfer(String holdId, String appointmentId, String patientId, Instant now) {
        // The hold already holds the clinician and room, so only the patient can conflict here.
        String[] session = new String[1];
        int moved = guarded(
                PATIENT_CONFLICT,
                () -> jdbc.sql("""
                                WITH seat AS (
                                    UPDATE session_seats SET holder_id = :appointment, expires_at = NULL
                                     WHERE holder_id = :hold AND expires_at > :now
                                    RETURNING session_id),
                                moved AS (
                                    UPDATE blocking_intervals
                                       SET owner_id = :appointment, expires_at = NULL, patient_id = :patient
                                     WHERE owner_id = :hold AND expires_at > :now
                                    RETURNING owner_id)
                                SELECT (SELECT count(*) FROM moved) AS moved, (SELECT min(session_id) FROM seat) AS session""")
                        .param("hold", holdId)
                        .param("appointment", appointmentId)
                        .param("patient", patientId)
                        .param("now", Sql.at(now))
                        .query((rs, n) -> {
                            session[0] = rs.getString("session");
                            return rs.getInt("moved");
                        })
                        .single());
        return moved == 1 ? Optional.of(new Handed(session[0])) : Optional.empty();
    }

    /** Frees the owner's time, and its seat if it holds one; answers the session of that seat. */
    Optional<String> release(String ownerId) {
        return jdbc.sql("""
                        WITH released AS (DELETE FROM blocking_intervals WHERE owner_id = :owner)
                        UPDATE session_seats SET holder_id = NULL, expires_at = NULL WHERE holder_id = :owner
                        RETURNING session_id""").param("owner", ownerId).query(String.class).optional();
    }

    /**
     * A seat's own row: the session's time for the patient's constraint, standing aside from the clinician's and
     * room's, which the session's row keeps. A hold's seat has no patient yet and expires with the hold.
     */
    void claimSeat(String ownerId, String clinicianId, Interval attended, String patientId, Instant expiresAt) {
        guarded(
                PATIENT_CONFLICT,
                () -> jdbc.sql("""
                        INSERT INTO blocking_intervals
                            (owner_id, clinician_id, patient_id, blocked, attended, expires_at, exclusive, seat)
                        VALUES (:owner, :clinician, :patient, tstzrange(:from, :to), tstzrange(:from, :to), :expires,
                            true, true)""")
                        .param("owner", ownerId)
                        .param("clinician", clinicianId)
                        .param("patient", patientId)
                        .param("from", Sql.at(attended.start()))
                        .param("to", Sql.at(attended.end()))
                        .param("expires", expiresAt == null ? null : Sql.at(expiresAt))
                        .update());
    }

    /** Rooms of the candidates that nothing blocks over {@code blocked}, in the given order. */
    List<String> freeRooms(List<String> candidates, Interval blocked, String ignoreOwner, Instant now) {
        var taken = new java.util.HashSet<>(jdbc.sql("""
                        SELECT DISTINCT room_id FROM blocking_intervals
                         WHERE room_id = ANY (CAST(:rooms AS text[])) AND blocked && tstzrange(:from, :to)
                           AND owner_id <> :owner AND (expires_at IS NULL OR expires_at > :now)""")
                .param("rooms", Sql.array(candidates))
                .param("from", Sql.at(blocked.start()))
                .param("to", Sql.at(blocked.end()))
                .param("owner", ignoreOwner == null ? "" : ignoreOwner)
                .param("now", Sql.at(now))
                .query(String.class)
                .list());
        return candidates.stream().filter(room -> !taken.contains(room)).toList();
    }

    /** Deletes blocking rows of holds that expired; returns how many. Correctness never waits for this. */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM blocking_intervals WHERE expires_at <= :now")
                .param("now", Sql.at(now))
                .update();
    }

    private int clearExpiredHolds(Claim claim, Instant now) {
        return jdbc.sql("""
                        DELETE FROM blocking_intervals
                         WHERE expires_at <= :now AND blocked && tstzrange(:blockedFrom, :blockedTo)
                           AND (clinician_id = :clinician OR room_id = ANY (CAST(:rooms AS text[])))""")
                .param("now", Sql.at(now))
                .param("blockedFrom", Sql.at(claim.blocked().start()))
                .param("blockedTo", Sql.at(claim.blocked().end()))
                .param("clinician", claim.clinicianId())
                .param("rooms", Sql.array(claim.rooms()))
                .update();
    }

    private boolean insert(Claim claim, String room, Instant now) {
        return !jdbc.sql("""
                        INSERT INTO blocking_intervals (owner_id, clinician_id, room_id, blocked, attended, expires_at, exclusive)
                        SELECT :owner, :clinician, :room, tstzrange(:blockedFrom, :blockedTo), tstzrange(:from, :to),
                               :expires, :exclusive
                         WHERE NOT :exclusive OR NOT EXISTS (
                               SELECT 1 FROM blocking_intervals other
                                WHERE NOT other.exclusive AND (other.expires_at IS NULL OR other.expires_at > :now)
                                  AND other.blocked && tstzrange(:blockedFrom, :blockedTo)
                                  AND (other.clinician_id = :clinician OR other.room_id = :room))
                        ON CONFLICT DO NOTHING
                        RETURNING owner_id""")
                .params(values(claim, room, now))
                .param("expires", claim.expiresAt() == null ? null : Sql.at(claim.expiresAt()))
                .query(String.class)
                .list()
                .isEmpty();
    }

    /** The patient joins after the clinician and room checks, so slot_taken wins where both apply. */
    private void attachPatient(String ownerId, String patientId) {
        if (patientId == null) {
            return;
        }
        guarded(
                PATIENT_CONFLICT,
                () -> jdbc.sql("UPDATE blocking_intervals SET patient_id = :patient WHERE owner_id = :owner")
                        .param("patient", patientId)
                        .param("owner", ownerId)
                        .update());
    }

    private static Map<String, Object> values(Claim claim, String room, Instant now) {
        var values = new HashMap<String, Object>();
        values.put("owner", claim.ownerId());
        values.put("clinician", claim.clinicianId());
        values.put("room", room);
        values.put("blockedFrom", Sql.at(claim.blocked().start()));
        values.put("blockedTo", Sql.at(claim.blocked().end()));
        values.put("from", Sql.at(claim.attended().start()));
        values.put("to", Sql.at(claim.attended().end()));
        values.put("exclusive", claim.exclusive());
        values.put("now", Sql.at(now));
        return values;
    }

    /**
     * Runs a write the constraints may refuse. Two plain UPDATEs that each wait on the other's
     * overlapping, uncommitted row end in a deadlock; PostgreSQL aborts one so the other goes
     * through, which makes the aborted one a lost race like any other.
     */
    private static int guarded(
            java.util.function.Supplier<CarebookException> onDeadlock, java.util.function.IntSupplier statement) {
        try {
            return statement.getAsInt();
        } catch (DataIntegrityViolationException e) {
            throw conflictFrom(e);
        } catch (org.springframework.dao.PessimisticLockingFailureException e) {
            throw onDeadlock.get();
        }
    }

    /** Names the 409 after the constraint that refused the write. */
    static RuntimeException conflictFrom(DataIntegrityViolationException e) {
        String constraint = constraintOf(e);
        if ("patient_booked_once".equals(constraint)) {
            return PATIENT_CONFLICT.get();
        }
        if ("clinician_booked_once".equals(constraint) || "room_booked_once".equals(constraint)) {
            return SLOT_TAKEN.get();
        }
        return e;
    }

    private static String constraintOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }
}
