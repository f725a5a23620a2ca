package org.carebook.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A calendar subscription: whose appointments it lists (a clinician's or a location's), and its {@code url}, which
 * is the credential and so is shown only in the answer that made it.
 */
public record CalendarFeedView(
        String id,
        String clinicianId,
        String locationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String url,
        boolean isActive,
        Instant createdAt,
        Instant revokedAt) {

    CalendarFeedView withUrl(String shownOnce) {
        return new CalendarFeedView(id, clinicianId, locationId, shownOnce, isActive, createdAt, revokedAt);
    }
}
