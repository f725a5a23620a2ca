package org.carebook.events;

import java.time.Instant;
import java.util.List;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class EventRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** How many events an appointment has had: the last one's sequence, or 0. */
    int lastSequence(String appointmentId) {
        return jdbc.sql("SELECT COALESCE(max(sequence), 0) FROM events WHERE appointment_id = :appointment")
                .param("appointment", appointmentId)
                .query(Integer.class)
                .single();
    }

    /**
     * Writes an event and returns its place in its appointment's order (null for an event of no
     * appointment). Safe without a lock of its own: every change to an appointment holds the appointment's
     * row lock until it commits, so its events are written one at a time (and the unique index on
     * (appointment_id, sequence) would refuse a duplicate).
     */
    Integer insert(
            Tenant tenant,
            String id,
            String type,
            Instant createdAt,
            JsonNode object,
            String appointmentId,
            EventView.Actor actor) {
        return jdbc.sql("""
                        INSERT INTO events (id, organization_id, mode, type, appointment_id, sequence, object, created_at,
                                            actor_kind, actor_id)
                        SELECT :id, :org, :mode, :type, :appointment,
                               CASE WHEN CAST(:appointment AS text) IS NOT NULL THEN
                                   (SELECT COALESCE(max(sequence), 0) + 1 FROM events WHERE appointment_id = :appointment)
                               END,
                               CAST(:object AS jsonb), :createdAt, :actorKind, :actorId
                        RETURNING sequence""")
                .param("id", id)
                .param("org", tenant.organizationId())
                .param("mode", tenant.mode().wire())
                .param("type", type)
                .param("appointment", appointmentId)
                .param("object", json.writeValueAsString(object))
                .param("createdAt", Sql.at(createdAt))
                .param("actorKind", actor.kind())
                .param("actorId", actor.id())
                .query((rs, n) -> (Integer) rs.getObject(1))
                .list()
                .get(0);
    }

    List<EventView> page(Tenant tenant, String type, Instant since, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT id, type, created_at, sequence, actor_kind, actor_id, object::text AS object FROM events
                         WHERE organization_id = :org AND mode = :mode
                           AND (CAST(:type AS text) IS NULL OR type = :type)
                           AND (CAST(:since AS timestamptz) IS NULL OR created_at >= :since)
                           AND (created_at, id) > (:after, :afterId)
                         ORDER BY created_at, id
                         LIMIT :limit"""), tenant), page)
                .param("type", type)
                .param("since", Sql.at(since))
                .query((rs, n) -> new EventView(
                        rs.getString("id"),
                        rs.getString("type"),
                        Sql.instant(rs, "created_at"),
                        (Integer) rs.getObject("sequence"),
                        EventView.Actor.of(rs.getString("actor_kind"), rs.getString("actor_id")),
                        new EventView.Data(json.readTree(rs.getString("object")))))
                .list();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM events WHERE created_at < :cutoff")
                .param("cutoff", Sql.at(cutoff))
                .update();
    }
}
