package org.carebook.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event as clients see it: {@code {id, type, created_at, data: {object}}}. An appointment's events
 * also carry {@code sequence}, their order among that appointment's events (1, 2, ...), and every event
 * made since events named their makers carries {@code actor}: who made the change.
 */
public record EventView(
        String id,
        String type,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer sequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Actor actor,
        Data data) {

    /** Who made the change: {@code kind} is secret, publishable, staff or system (no id); absent on older events. */
    public record Actor(
            String kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) String id) {

        public static Actor of(String kind, String id) {
            return kind == null ? null : new Actor(kind, id);
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "EventData")
    public record Data(JsonNode object) {}
}
