package org.carebook.booking;

import java.time.OffsetDateTime;

/** A hold on the wire (docs/api.md §4); times in the offset of the slot's zone. */
public record HoldView(
        String id,
        HoldStatus status,
        String appointmentTypeId,
        String clinicianId,
        String locationId,
        String roomId,
        boolean isRemote,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        OffsetDateTime expiresAt,
        OffsetDateTime createdAt,
        String appointmentId) {}
