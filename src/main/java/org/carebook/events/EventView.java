package org.carebook.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event as clients see it: {@code {id, type, created_at, data: {object}}}. An appointment's events
 * also carry {@code sequence}, their order among that appointment's events (1, 2, ...).
 */
public record EventView(
        String id,
        String type,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer sequence,
        Data data) {

    public record Data(JsonNode object) {}
}
