package org.carebook.webhook;

import java.time.Instant;

/** One event sent (or being sent) to one endpoint: {@code pending}, {@code delivered} or {@code failed}. */
public record DeliveryView(
        String id,
        String endpointId,
        String eventId,
        String eventType,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt,
        Instant createdAt) {}
