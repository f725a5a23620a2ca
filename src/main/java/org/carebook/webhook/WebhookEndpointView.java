package org.carebook.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint. {@code secret} is present only in the answers to creation and rotation: the one
 * time it is shown. {@code status} is {@code enabled} or {@code disabled} (by the clinic, or because the
 * receiver answered 410 Gone).
 */
public record WebhookEndpointView(
        String id,
        String url,
        List<String> events,
        String description,
        EndpointStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant createdAt,
        Instant updatedAt) {

    WebhookEndpointView withSecret(String shownOnce) {
        return new WebhookEndpointView(
                id, url, events, description, status, disabledReason, shownOnce, createdAt, updatedAt);
    }
}
