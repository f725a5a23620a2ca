package org.carebook.availability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * An offered start time, rendered in the offset of the schedule's zone at that instant. {@code seats} is null but
 * for a class (a type of capacity above 1): its places, and how many are left at that time.
 */
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
        String scheduleId,
        Seats seats) {

    /** A class's places at one time: how many it has, and how many are not taken. */
    public record Seats(int capacity, int left) {}

    public Slot withSeats(Seats places) {
        return new Slot(
                start,
                end,
                zone,
                clinicianId,
                clinicianName,
                locationId,
                locationName,
                remote,
                appointmentTypeId,
                scheduleId,
                places);
    }

    public OffsetDateTime startTime() {
        return start.atZone(zone).toOffsetDateTime();
    }

    public OffsetDateTime endTime() {
        return end.atZone(zone).toOffsetDateTime();
    }
}
