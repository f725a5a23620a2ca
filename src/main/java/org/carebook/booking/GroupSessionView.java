package org.carebook.booking;

import java.time.OffsetDateTime;
import java.util.List;
import org.carebook.kernel.WireName;

/**
 * A class session on the wire (docs/api.md, "Classes"): where and when, its places, and its roster: every
 * appointment booked into it, cancelled ones included, in the order they were booked.
 */
public record GroupSessionView(
        String id,
        Status status,
        String appointmentTypeId,
        String clinicianId,
        String locationId,
        String roomId,
        boolean isRemote,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        int capacity,
        int seatsLeft,
        List<Attendee> attendees,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Scheduled until the clinic cancels it, or dissolved when its last seat is given up. */
    public enum Status implements WireName {
        SCHEDULED,
        CANCELLED,
        DISSOLVED
    }

    /** One patient's appointment in the session. */
    public record Attendee(
            String appointmentId, String patientId, AppointmentStatus status, OffsetDateTime checkedInAt) {}
}
