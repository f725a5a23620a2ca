package org.carebook.selfservice;

import java.time.Instant;
import java.util.Optional;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LinkRepository {

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A link for one appointment, or for one waitlist offer (the other is null). */
    record Link(String id, Tenant tenant, String appointmentId, String offerId) {}

    /** The appointment's unrevoked link, made if it has none. */
    String liveFor(Tenant tenant, String appointmentId, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO manage_links (id, organization_id, mode, appointment_id, created_at)
                        VALUES (:id, :org, :mode, :appointment, :now)
                        ON CONFLICT (appointment_id) WHERE revoked_at IS NULL DO NOTHING"""), tenant)
                .param("id", Ids.next("mlk"))
                .param("appointment", appointmentId)
                .param("now", Sql.at(now))
                .update();
        return jdbc.sql("SELECT id FROM manage_links WHERE appointment_id = :appointment AND revoked_at IS NULL")
                .param("appointment", appointmentId)
                .query(String.class)
                .single();
    }

    /** The offer's link: one per offer, made the first time it is asked for. */
    String forOffer(Tenant tenant, String offerId, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO manage_links (id, organization_id, mode, waitlist_offer_id, created_at)
                        VALUES (:id, :org, :mode, :offer, :now)
                        ON CONFLICT (waitlist_offer_id) WHERE waitlist_offer_id IS NOT NULL DO NOTHING"""), tenant)
                .param("id", Ids.next("mlk"))
                .param("offer", offerId)
                .param("now", Sql.at(now))
                .update();
        return jdbc.sql("SELECT id FROM manage_links WHERE waitlist_offer_id = :offer")
                .param("offer", offerId)
                .query(String.class)
                .single();
    }

    Optional<Link> findLive(String id) {
        return jdbc.sql("SELECT * FROM manage_links WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .query((rs, n) -> new Link(
                        rs.getString("id"),
                        new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode"))),
                        rs.getString("appointment_id"),
                        rs.getString("waitlist_offer_id")))
                .optional();
    }

    /** Revokes the appointment's live link, if it has one; the next message carries a new one. */
    Optional<String> revoke(Tenant tenant, String appointmentId, Instant now) {
        return Sql.scoped(jdbc.sql("""
                        UPDATE manage_links SET revoked_at = :now
                         WHERE appointment_id = :appointment AND organization_id = :org AND mode = :mode
                           AND revoked_at IS NULL
                        RETURNING id"""), tenant)
                .param("appointment", appointmentId)
                .param("now", Sql.at(now))
                .query(String.class)
                .optional();
    }
}
