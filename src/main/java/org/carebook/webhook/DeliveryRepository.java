package org.carebook.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.events.EventView;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Mode;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed delivery with what sending it needs. */
    record Outgoing(
            String id,
            String endpointId,
            String url,
            Mode mode,
            String secret,
            String previousSecret,
            Instant previousSecretUntil,
            String eventId,
            String eventType,
            Instant eventCreatedAt,
            Integer sequence,
            EventView.Actor actor,
            String object,
            Instant createdAt,
            int attempts) {}

    /** One delivery per enabled endpoint of the tenant subscribed to the type; ids made in SQL, one statement. */
    int enqueue(Tenant tenant, String eventId, String type, String orderingKey, Integer sequence, Instant now) {
        return Sql.scoped(jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, endpoint_id, event_id, ordering_key, sequence, status,
                                                        next_attempt_at, created_at)
                        SELECT :prefix || substr(md5(random()::text || e.id), 1, 22), e.id, :event, :key, :sequence,
                               'pending', :now, :now
                          FROM webhook_endpoints e
                         WHERE e.organization_id = :org AND e.mode = :mode AND e.status = 'enabled'
                           AND (:type = ANY (e.events) OR '*' = ANY (e.events))"""), tenant)
                .param("prefix", "whd_")
                .param("event", eventId)
                .param("key", orderingKey)
                .param("sequence", sequence, java.sql.Types.INTEGER) // typed even when null: one prepared form
                .param("type", type)
                .param("now", Sql.at(now))
                .update();
    }

    /** A delivery of one event to one endpoint (a test event), due at once. */
    void enqueueTo(String endpointId, String eventId, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, next_attempt_at, created_at)
                        VALUES (:id, :endpoint, :event, 'pending', :now, :now)""")
                .param("id", Ids.next("whd"))
                .param("endpoint", endpointId)
                .param("event", eventId)
                .param("now", Sql.at(now))
                .update();
    }

    /** The delivery of one event to one endpoint (there is at most one). */
    Optional<DeliveryView> ofEvent(String endpointId, String eventId) {
        return jdbc.sql(SELECT + " WHERE d.endpoint_id = :endpoint AND d.event_id = :event")
                .param("endpoint", endpointId)
                .param("event", eventId)
                .query(DeliveryRepository::view)
                .optional();
    }

    /** The endpoint's latest deliveries, newest first. */
    List<DeliveryView> latest(String endpointId, int limit) {
        return jdbc.sql(SELECT + " WHERE d.endpoint_id = :endpoint ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")
                .param("endpoint", endpointId)
                .param("limit", limit)
                .query(DeliveryRepository::view)
                .list();
    }

    /**
     * Takes up to {@code batch} due deliveries for this worker until {@code leaseUntil}. Rows other workers
     * hold are skipped, not waited for; a delivery waits while an earlier one with its ordering key is pending.
     */
    List<Outgoing> claim(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                        WITH claimed AS (
                            UPDATE webhook_deliveries d
                               SET leased_until = :leaseUntil, attempts = d.attempts + 1, last_attempt_at = :now
                             WHERE d.id IN (
                                   SELECT c.id FROM webhook_deliveries c
                                    WHERE c.status = 'pending' AND c.next_attempt_at <= :now
                                      AND (c.leased_until IS NULL OR c.leased_until <= :now)
                                      AND NOT EXISTS (
                                          SELECT 1 FROM webhook_deliveries earlier
                                           WHERE earlier.endpoint_id = c.endpoint_id AND earlier.ordering_key = c.ordering_key
                                             AND earlier.status = 'pending' AND earlier.sequence < c.sequence)
                                    ORDER BY c.next_attempt_at
                                    LIMIT :batch
                                    FOR UPDATE SKIP LOCKED)
                            RETURNING d.*)
                        SELECT claimed.id, claimed.endpoint_id, claimed.created_at, claimed.attempts, e.url, e.mode,
                               e.secret, e.previous_secret, e.previous_secret_until, ev.id AS event_id, ev.type,
                               ev.created_at AS event_created_at, ev.sequence, ev.actor_kind, ev.actor_id,
                               ev.object::text AS object
                          FROM claimed
                          JOIN webhook_endpoints e ON e.id = claimed.endpoint_id
                          JOIN events ev ON ev.id = claimed.event_id""")
                .param("now", Sql.at(now))
                .param("leaseUntil", Sql.at(leaseUntil))
                .param("batch", batch)
                .query((rs, n) -> new Outgoing(
                        rs.getString("id"),
                        rs.getString("endpoint_id"),
                        rs.getString("url"),
                        Mode.fromWire(rs.getString("mode")),
                        rs.getString("secret"),
                        rs.getString("previous_secret"),
                        Sql.instant(rs, "previous_secret_until"),
                        rs.getString("event_id"),
                        rs.getString("type"),
                        Sql.instant(rs, "event_created_at"),
                        (Integer) rs.getObject("sequence"),
                        EventView.Actor.of(rs.getString("actor_kind"), rs.getString("actor_id")),
                        rs.getString("object"),
                        Sql.instant(rs, "created_at"),
                        rs.getInt("attempts")))
                .list();
    }

    void delivered(String id, int statusCode, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'delivered', delivered_at = :now, last_status_code = :code,
                               last_error = NULL, leased_until = NULL
                         WHERE id = :id""")
                .param("id", id)
                .param("code", statusCode)
                .param("now", Sql.at(now))
                .update();
    }

    void retryAt(String id, Integer statusCode, String error, Instant next) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET next_attempt_at = :next, last_status_code = :code, last_error = :error,
                               leased_until = NULL
                         WHERE id = :id""")
                .param("id", id)
                .param("code", statusCode)
                .param("error", error)
                .param("next", Sql.at(next))
                .update();
    }

    void failed(String id, Integer statusCode, String error) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'failed', last_status_code = :code, last_error = :error,
                               leased_until = NULL
                         WHERE id = :id""")
                .param("id", id)
                .param("code", statusCode)
                .param("error", error)
                .update();
    }

    /** Sends it again as soon as a worker looks: the retry call, for failed or delivered deliveries alike. */
    void retryNow(String id, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = :now, leased_until = NULL,
                               delivered_at = NULL
                         WHERE id = :id""").param("id", id).param("now", Sql.at(now)).update();
    }

    List<DeliveryView> page(String endpointId, PageRequest page) {
        return Sql.paged(jdbc.sql(SELECT + """
                         WHERE d.endpoint_id = :endpoint AND (d.created_at, d.id) > (:after, :afterId)
                         ORDER BY d.created_at, d.id LIMIT :limit"""), page)
                .param("endpoint", endpointId)
                .query(DeliveryRepository::view)
                .list();
    }

    Optional<DeliveryView> find(String endpointId, String id) {
        return jdbc.sql(SELECT + " WHERE d.endpoint_id = :endpoint AND d.id = :id")
                .param("endpoint", endpointId)
                .param("id", id)
                .query(DeliveryRepository::view)
                .optional();
    }

    /** How long the oldest pending delivery has waited, for the queue-age gauge. */
    Optional<Instant> oldestPending() {
        return jdbc.sql("SELECT min(created_at) FROM webhook_deliveries WHERE status = 'pending'")
                .query((rs, n) -> Sql.instant(rs, 1))
                .optional();
    }

    private static final String SELECT = """
            SELECT d.*, ev.type AS event_type FROM webhook_deliveries d JOIN events ev ON ev.id = d.event_id
            """;

    private static DeliveryView view(ResultSet rs, int n) throws SQLException {
        return new DeliveryView(
                rs.getString("id"),
                rs.getString("endpoint_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                DeliveryStatus.fromWire(rs.getString("status")),
                rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"),
                Sql.instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_status_code"),
                rs.getString("last_error"),
                Sql.instant(rs, "delivered_at"),
                Sql.instant(rs, "created_at"));
    }
}
