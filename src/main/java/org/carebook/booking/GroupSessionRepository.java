package org.carebook.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.carebook.kernel.WireName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Group sessions and their seats; the seats decide how many may attend (V24). */
@Repository
class GroupSessionRepository {

    /** A session's places: its seat rows, of which there are as many as its type's capacity (V24, V26). */
    private static final String PLACES =
            "(SELECT count(*) FROM session_seats seat WHERE seat.session_id = s.id) AS capacity";

    private final JdbcClient jdbc;

    GroupSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the session with its seats, unless the clinician already has a scheduled session at that start: then
     * nothing (after waiting for a session being added by another transaction to commit or roll back).
     */
    boolean insert(GroupSession s) {
        var p = s.placement();
        boolean added = !Sql.scoped(jdbc.sql("""
                                INSERT INTO group_sessions (id, organization_id, mode, status, appointment_type_id,
                                    clinician_id, location_id, room_id, is_remote, timezone, start_time, end_time,
                                    created_at, updated_at)
                                VALUES (:id, :org, :mode, 'scheduled', :type, :clinician, :location, :room, :remote,
                                    :zone, :start, :end, :now, :now)
                                ON CONFLICT (clinician_id, start_time) WHERE status = 'scheduled' DO NOTHING
                                RETURNING id"""), s.tenant())
                .param("id", s.id())
                .param("type", s.appointmentTypeId())
                .param("clinician", p.clinicianId())
                .param("location", p.locationId())
                .param("room", p.roomId())
                .param("remote", p.remote())
                .param("zone", p.zone().getId())
                .param("start", Sql.at(p.start()))
                .param("end", Sql.at(p.end()))
                .param("now", Sql.at(s.createdAt()))
                .query(String.class)
                .list()
                .isEmpty();
        if (added) {
            jdbc.sql("INSERT INTO session_seats (session_id, seat_no) SELECT :id, generate_series(1, :capacity)")
                    .param("id", s.id())
                    .param("capacity", s.capacity())
                    .update();
        }
        return added;
    }

    /** The clinician's scheduled session at that start, locked: seats are taken one taker at a time. */
    Optional<GroupSession> lockScheduledAt(Tenant tenant, String clinicianId, Instant start) {
        return Sql.scoped(jdbc.sql("""
                                SELECT s.*, %s FROM group_sessions s
                                 WHERE organization_id = :org AND mode = :mode AND clinician_id = :clinician
                                   AND start_time = :start AND status = 'scheduled'
                                   FOR UPDATE""".formatted(PLACES)), tenant)
                .param("clinician", clinicianId)
                .param("start", Sql.at(start))
                .query(GroupSessionRepository::row)
                .optional();
    }

    Optional<GroupSession> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.scoped(
                        jdbc.sql("SELECT s.*, " + PLACES + " FROM group_sessions s"
                                + " WHERE id = :id AND organization_id = :org AND mode = :mode"
                                + (forUpdate ? " FOR UPDATE" : "")),
                        tenant)
                .param("id", id)
                .query(GroupSessionRepository::row)
                .optional();
    }

    /** Gives the first free seat to the holder, until {@code expiresAt} (null: for good); false when none is free. */
    boolean takeSeat(String sessionId, String holderId, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                        UPDATE session_seats SET holder_id = :holder, expires_at = :expires
                         WHERE session_id = :session AND seat_no = (
                               SELECT seat_no FROM session_seats
                                WHERE session_id = :session AND (holder_id IS NULL OR expires_at <= :now)
                                ORDER BY seat_no LIMIT 1)""")
                        .param("session", sessionId)
                        .param("holder", holderId)
                        .param("expires", expiresAt == null ? null : Sql.at(expiresAt))
                        .param("now", Sql.at(now))
                        .update()
                == 1;
    }

    /** Who holds a seat now: appointments, and holds that have not expired. */
    List<String> holders(String sessionId, Instant now) {
        return jdbc.sql("""
                        SELECT holder_id FROM session_seats
                         WHERE session_id = :session AND holder_id IS NOT NULL
                           AND (expires_at IS NULL OR expires_at > :now)
                         ORDER BY seat_no""")
                .param("session", sessionId)
                .param("now", Sql.at(now))
                .query(String.class)
                .list();
    }

    /** Scheduled sessions whose seats are held only by holds that have expired: nobody is coming. */
    List<GroupSession> deserted(Instant now) {
        return jdbc.sql("""
                        SELECT s.*, %s FROM group_sessions s
                         WHERE s.status = 'scheduled'
                           AND EXISTS (SELECT 1 FROM session_seats seat
                                        WHERE seat.session_id = s.id AND seat.expires_at <= :now)
                           AND NOT EXISTS (SELECT 1 FROM session_seats seat
                                            WHERE seat.session_id = s.id AND seat.holder_id IS NOT NULL
                                              AND (seat.expires_at IS NULL OR seat.expires_at > :now))
                         LIMIT 100""".formatted(PLACES))
                .param("now", Sql.at(now))
                .query(GroupSessionRepository::row)
                .list();
    }

    /** Every appointment booked into the session, in the order they were booked. */
    List<GroupSessionView.Attendee> attendees(String sessionId) {
        return jdbc.sql("""
                        SELECT id, patient_id, status, checked_in_at, timezone FROM appointments
                         WHERE session_id = :session ORDER BY created_at, id""")
                .param("session", sessionId)
                .query((rs, n) -> {
                    var arrived = Sql.instant(rs, "checked_in_at");
                    return new GroupSessionView.Attendee(
                            rs.getString("id"),
                            rs.getString("patient_id"),
                            AppointmentStatus.fromWire(rs.getString("status")),
                            arrived == null
                                    ? null
                                    : arrived.atZone(ZoneId.of(rs.getString("timezone")))
                                            .toOffsetDateTime());
                })
                .list();
    }

    void save(GroupSession s) {
        jdbc.sql("UPDATE group_sessions SET status = :status, updated_at = :now WHERE id = :id")
                .param("id", s.id())
                .param("status", s.status().wire())
                .param("now", Sql.at(s.updatedAt()))
                .update();
    }

    /** A scheduled session of a type with seats left, and when the first hold among its seats expires. */
    record Open(
            String clinicianId, String locationId, Instant start, int capacity, int seatsLeft, Instant firstExpiry) {}

    List<Open> open(String typeId, Collection<String> clinicianIds, Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                        SELECT s.clinician_id, s.location_id, s.start_time, count(*) AS capacity,
                               count(*) FILTER (WHERE seat.holder_id IS NULL OR seat.expires_at <= :now) AS seats_left,
                               min(seat.expires_at) FILTER (WHERE seat.expires_at > :now) AS first_expiry
                          FROM group_sessions s JOIN session_seats seat ON seat.session_id = s.id
                         WHERE s.appointment_type_id = :type AND s.status = 'scheduled'
                           AND s.clinician_id = ANY (CAST(:clinicians AS text[]))
                           AND s.start_time >= :from AND s.start_time < :to
                         GROUP BY s.id""")
                .param("type", typeId)
                .param("clinicians", Sql.array(clinicianIds))
                .param("from", Sql.at(from))
                .param("to", Sql.at(to))
                .param("now", Sql.at(now))
                .query((rs, n) -> new Open(
                        rs.getString("clinician_id"),
                        rs.getString("location_id"),
                        Sql.instant(rs, "start_time"),
                        rs.getInt("capacity"),
                        rs.getInt("seats_left"),
                        Sql.instant(rs, "first_expiry")))
                .list();
    }

    private static GroupSession row(ResultSet rs, int n) throws SQLException {
        var placement = AppointmentRepository.placed(rs);
        return new GroupSession(
                rs.getString("id"),
                new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode"))),
                WireName.parse(GroupSessionView.Status.class, rs.getString("status")),
                rs.getString("appointment_type_id"),
                placement,
                rs.getInt("capacity"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
