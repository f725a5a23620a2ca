package org.carebook.availability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** An offered start time, rendered in the offset of the schedule's zone at that instant. */
public record Slot(
        Instant start,
        Instant end,
        ZoneId zone,
        String clinicianId,
        String clinicianName,
        String locationId,
        String locationName,
        boolean remote,
        String appointmentTypeId,
        String scheduleId) {

    public OffsetDateTime startTime() {
        return start.atZone(zone).toOffsetDateTime();
    }

    public OffsetDateTime endTime() {
        return end.atZone(zone).toOffsetDateTime();
    }
}
