package org.carebook.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who touched which patient record. Called inside the transaction of the access it records,
 * so an access is never without its entry.
 */
@Service
public class AuditLog {

    public enum Action {
        READ,
        SEARCH,
        CREATE,
        UPDATE,
        DELETE,
        /** Two records of one patient made one: written for both. */
        MERGE,
        /** A patient's personal data removed on their request. */
        ERASE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One entry per resource, written by one statement; an empty list still records that the action
     * happened (a search that found nothing).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Caller caller, Action action, String resourceType, List<String> resourceIds) {
        List<String> resources = resourceIds.isEmpty() ? java.util.Collections.singletonList(null) : resourceIds;
        Sql.scoped(jdbc.sql("""
                        INSERT INTO audit_events (id, organization_id, mode, occurred_at, actor_key_id, actor_kind,
                                                  action, resource_type, resource_id, request_id, ip)
                        SELECT entry.id, :org, :mode, :now, :key, :kind, :action, :type, entry.resource, :request, :ip
                        FROM unnest(CAST(:ids AS text[]), CAST(:resources AS text[])) AS entry (id, resource)"""), caller.tenant())
                .param("ids", resources.stream().map(r -> Ids.next("aud")).toArray(String[]::new))
                .param("resources", Sql.array(resources))
                .param("now", Sql.at(clock.instant()))
                .param("key", caller.keyId())
                .param("kind", caller.kind().wire())
                .param("action", action.wire())
                .param("type", resourceType)
                .param("request", caller.requestId())
                .param("ip", caller.ip())
                .update();
    }

    @Transactional(readOnly = true)
    public ListPage<AuditEventView> list(
            Tenant tenant, String resourceType, String resourceId, Instant since, PageRequest page) {
        var rows = Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM audit_events WHERE organization_id = :org AND mode = :mode
                          AND (CAST(:type AS text) IS NULL OR resource_type = :type)
                          AND (CAST(:resource AS text) IS NULL OR resource_id = :resource)
                          AND (CAST(:since AS timestamptz) IS NULL OR occurred_at >= :since)
                          AND (occurred_at, id) > (:after, :afterId)
                        ORDER BY occurred_at, id LIMIT :limit"""), tenant), page)
                .param("type", resourceType)
                .param("resource", resourceId)
                .param("since", Sql.at(since))
                .query(AuditLog::row)
                .list();
        return ListPage.of(rows, page, e -> new PageRequest.Position(e.occurredAt(), e.id()), e -> e);
    }

    /** One entry by its id. */
    @Transactional(readOnly = true)
    public java.util.Optional<AuditEventView> find(Tenant tenant, String id) {
        return Sql.owned(jdbc, "audit_events", tenant, id, false)
                .query(AuditLog::row)
                .optional();
    }

    /** The latest entries about one resource, newest first: who has looked at a record lately. */
    @Transactional(readOnly = true)
    public List<AuditEventView> latest(Tenant tenant, String resourceType, String resourceId, int limit) {
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM audit_events WHERE organization_id = :org AND mode = :mode
                          AND resource_type = :type AND resource_id = :resource
                        ORDER BY occurred_at DESC, id DESC LIMIT :limit"""), tenant)
                .param("type", resourceType)
                .param("resource", resourceId)
                .param("limit", limit)
                .query(AuditLog::row)
                .list();
    }

    private static AuditEventView row(ResultSet rs, int n) throws SQLException {
        return new AuditEventView(
                rs.getString("id"),
                Sql.instant(rs, "occurred_at"),
                new AuditEventView.Actor(rs.getString("actor_key_id"), rs.getString("actor_kind")),
                rs.getString("action"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getString("request_id"),
                rs.getString("ip"));
    }
}
