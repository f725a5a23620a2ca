package org.carebook.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EndpointRepository {

    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            String id,
            String url,
            List<String> events,
            String description,
            String status,
            String disabledReason,
            String secret,
            String previousSecret,
            Instant previousSecretUntil,
            Instant createdAt,
            Instant updatedAt) {

        WebhookEndpointView view() {
            return new WebhookEndpointView(
                    id,
                    url,
                    events,
                    description,
                    EndpointStatus.fromWire(status),
                    disabledReason,
                    null,
                    createdAt,
                    updatedAt);
        }
    }

    void insert(Tenant tenant, String id, WebhookEndpointDraft draft, String secret, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO webhook_endpoints (id, organization_id, mode, url, events, description, secret, status,
                                                       created_at, updated_at)
                        VALUES (:id, :org, :mode, :url, :events, :description, :secret, :status, :now, :now)"""), tenant)
                .param("id", id)
                .param("url", draft.url())
                .param("events", Sql.array(draft.events()))
                .param("description", draft.description())
                .param("secret", secret)
                .param("status", draft.status())
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id) {
        return Sql.owned(jdbc, "webhook_endpoints", tenant, id, false)
                .query(EndpointRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM webhook_endpoints WHERE organization_id = :org AND mode = :mode
                           AND (created_at, id) > (:after, :afterId)
                         ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .query(EndpointRepository::row)
                .list();
    }

    void update(String id, WebhookEndpointDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET url = :url, events = :events, description = :description,
                               status = :status,
                               disabled_reason = CASE WHEN :status = 'enabled' THEN NULL ELSE COALESCE(disabled_reason, 'by_user') END,
                               updated_at = :now
                         WHERE id = :id""")
                .param("id", id)
                .param("url", draft.url())
                .param("events", Sql.array(draft.events()))
                .param("description", draft.description())
                .param("status", draft.status())
                .param("now", Sql.at(now))
                .update();
    }

    void rotate(String id, String secret, Instant oldSecretUntil, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = :until,
                               secret = :secret, updated_at = :now
                         WHERE id = :id""")
                .param("id", id)
                .param("secret", secret)
                .param("until", Sql.at(oldSecretUntil))
                .param("now", Sql.at(now))
                .update();
    }

    void disable(String id, String reason, Instant now) {
        jdbc.sql(
                        "UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = :reason, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("reason", reason)
                .param("now", Sql.at(now))
                .update();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id").param("id", id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("url"),
                Sql.texts(rs, "events"),
                rs.getString("description"),
                rs.getString("status"),
                rs.getString("disabled_reason"),
                rs.getString("secret"),
                rs.getString("previous_secret"),
                Sql.instant(rs, "previous_secret_until"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
