package org.carebook.audit;

import java.time.Instant;

public record AuditEventView(
        String id,
        Instant occurredAt,
        Actor actor,
        String action,
        String resourceType,
        String resourceId,
        String requestId,
        String ip) {

    public record Actor(String keyId, String kind) {}
}
