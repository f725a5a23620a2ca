package org.carebook.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.carebook.availability.Slot;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HoldRepository {

    private final JdbcClient jdbc;

    HoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            String id,
            Tenant tenant,
            String appointmentTypeId,
            String clinicianId,
            String locationId,
            String roomId,
            String scheduleId,
            boolean remote,
            ZoneId zone,
            Instant start,
            Instant end,
            HoldStatus storedStatus,
            Instant expiresAt,
            String appointmentId,
            boolean publishable,
            Instant createdAt) {

        /** Where and when the hold keeps time, as an appointment booked on it is placed. */
        Placement placement() {
            return new Placement(clinicianId, locationId, roomId, remote, zone, start, end);
        }

        /** A new hold of the slot's time, with the room it took (or none). */
        static Row active(
                String id,
                Tenant tenant,
                String appointmentTypeId,
                Slot slot,
                String roomId,
                Instant expiresAt,
                boolean publishable,
                Instant now) {
            return new Row(
                    id,
                    tenant,
                    appointmentTypeId,
                    slot.clinicianId(),
                    slot.locationId(),
                    roomId,
                    slot.scheduleId(),
                    slot.remote(),
                    slot.zone(),
                    slot.start(),
                    slot.end(),
                    HoldStatus.ACTIVE,
                    expiresAt,
                    null,
                    publishable,
                    now);
        }

        HoldStatus status(Instant now) {
            return storedStatus.at(now, expiresAt);
        }

        HoldView view(Instant now) {
            return new HoldView(
                    id,
                    status(now),
                    appointmentTypeId,
                    clinicianId,
                    locationId,
                    roomId,
                    remote,
                    start.atZone(zone).toOffsetDateTime(),
                    end.atZone(zone).toOffsetDateTime(),
                    expiresAt.atZone(zone).toOffsetDateTime(),
                    createdAt.atZone(zone).toOffsetDateTime(),
                    appointmentId);
        }
    }

    /** A new active hold; {@code manageLinkId} names the patient's link it was placed through, if any. */
    void insert(Row hold, String clientIp, String manageLinkId) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO holds (id, organization_id, mode, appointment_type_id, clinician_id, location_id,
                            room_id, schedule_id, is_remote, timezone, start_time, end_time, status, expires_at,
                            client_ip, publishable, manage_link_id, created_at, updated_at)
                        VALUES (:id, :org, :mode, :type, :clinician, :location, :room, :schedule, :remote, :zone,
                            :start, :end, 'active', :expires, :ip, :publishable, :link, :now, :now)"""), hold.tenant())
                .param("link", manageLinkId)
                .param("id", hold.id())
                .param("type", hold.appointmentTypeId())
                .param("clinician", hold.clinicianId())
                .param("location", hold.locationId())
                .param("room", hold.roomId())
                .param("schedule", hold.scheduleId())
                .param("remote", hold.remote())
                .param("zone", hold.zone().getId())
                .param("start", Sql.at(hold.start()))
                .param("end", Sql.at(hold.end()))
                .param("expires", Sql.at(hold.expiresAt()))
                .param("ip", clientIp)
                .param("publishable", hold.publishable())
                .param("now", Sql.at(hold.createdAt()))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "holds", tenant, id, forUpdate)
                .query(HoldRepository::row)
                .optional();
    }

    /** The holds still active at a location that overlap a window, for calendars to show as tentative. */
    List<Row> activeAt(Tenant tenant, String locationId, Instant from, Instant to, Instant now) {
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM holds
                         WHERE organization_id = :org AND mode = :mode AND location_id = :location
                           AND status = 'active' AND expires_at > :now
                           AND start_time < :to AND end_time > :from
                         ORDER BY start_time, id"""), tenant)
                .param("location", locationId)
                .param("from", Sql.at(from))
                .param("to", Sql.at(to))
                .param("now", Sql.at(now))
                .query(HoldRepository::row)
                .list();
    }

    void markReleased(String id, Instant now) {
        setStatus(id, HoldStatus.RELEASED, now);
    }

    void markConfirmed(String id, String appointmentId, Instant now) {
        jdbc.sql(
                        "UPDATE holds SET status = 'confirmed', appointment_id = :appointment, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("appointment", appointmentId)
                .param("now", Sql.at(now))
                .update();
    }

    /**
     * Serialises hold placement per client address of one organization, so the count of active holds
     * below cannot be raced past by parallel requests.
     */
    int lockAndCountActiveFromClient(Tenant tenant, String clientIp, Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 7))")
                .param("key", tenant.organizationId() + "/" + tenant.mode().wire() + "/" + clientIp)
                .query(rs -> {});
        return Sql.scoped(jdbc.sql("""
                        SELECT count(*) FROM holds
                         WHERE organization_id = :org AND mode = :mode AND client_ip = :ip
                           AND (publishable OR manage_link_id IS NOT NULL)
                           AND status = 'active' AND expires_at > :now"""), tenant)
                .param("ip", clientIp)
                .param("now", Sql.at(now))
                .query(Integer.class)
                .single();
    }

    /**
     * Locks a manage link's holds against a second hold placed through it at once, and returns the holds it
     * still keeps (status active, expired by time or not).
     */
    List<Row> lockActiveOfLink(Tenant tenant, String manageLinkId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 7))")
                .param("key", "manage-link/" + manageLinkId)
                .query(rs -> {});
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM holds
                         WHERE organization_id = :org AND mode = :mode AND manage_link_id = :link
                           AND status = 'active' FOR UPDATE"""), tenant)
                .param("link", manageLinkId)
                .query(HoldRepository::row)
                .list();
    }

    void markExpired(String id, Instant now) {
        setStatus(id, HoldStatus.EXPIRED, now);
    }

    /** Marks active holds past expiry as expired and returns them, a batch at a time, safe across processes. */
    List<Row> markExpired(Instant now, int batch) {
        return jdbc.sql("""
                        UPDATE holds SET status = 'expired', updated_at = :now
                         WHERE id IN (SELECT id FROM holds WHERE status = 'active' AND expires_at <= :now
                                      ORDER BY expires_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Sql.at(now))
                .param("batch", batch)
                .query(HoldRepository::row)
                .list();
    }

    private void setStatus(String id, HoldStatus status, Instant now) {
        jdbc.sql("UPDATE holds SET status = :status, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("status", status.wire())
                .param("now", Sql.at(now))
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("id"),
                new Tenant(rs.getString("organization_id"), org.carebook.kernel.Mode.fromWire(rs.getString("mode"))),
                rs.getString("appointment_type_id"),
                rs.getString("clinician_id"),
                rs.getString("location_id"),
                rs.getString("room_id"),
                rs.getString("schedule_id"),
                rs.getBoolean("is_remote"),
                ZoneId.of(rs.getString("timezone")),
                Sql.instant(rs, "start_time"),
                Sql.instant(rs, "end_time"),
                HoldStatus.fromWire(rs.getString("status")),
                Sql.instant(rs, "expires_at"),
                rs.getString("appointment_id"),
                rs.getBoolean("publishable"),
                Sql.instant(rs, "created_at"));
    }
}
