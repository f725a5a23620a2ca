package org.carebook.booking;

import java.time.Instant;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Tenant;

/**
 * A class at one time: one clinician, place and start for a type of capacity above 1, opened by its first
 * booking. Its own blocking row keeps the clinician and the room; each attendee's appointment (or hold) takes one
 * of its seats. It is dissolved when its last seat is given up, and cancelled when the clinic calls it off.
 */
record GroupSession(
        String id,
        Tenant tenant,
        GroupSessionView.Status status,
        String appointmentTypeId,
        Placement placement,
        int capacity,
        Instant createdAt,
        Instant updatedAt) {

    /** Nobody attends any more: the session goes, and its time with it. */
    GroupSession dissolve(Instant now) {
        return new GroupSession(
                id, tenant, GroupSessionView.Status.DISSOLVED, appointmentTypeId, placement, capacity, createdAt, now);
    }

    GroupSessionView view(int seatsLeft, java.util.List<GroupSessionView.Attendee> attendees) {
        return new GroupSessionView(
                id,
                status,
                appointmentTypeId,
                placement.clinicianId(),
                placement.locationId(),
                placement.roomId(),
                placement.remote(),
                at(placement.start()),
                at(placement.end()),
                capacity,
                seatsLeft,
                attendees,
                at(createdAt),
                at(updatedAt));
    }

    private java.time.OffsetDateTime at(Instant instant) {
        return instant.atZone(placement.zone()).toOffsetDateTime();
    }

    GroupSession cancel(Instant now) {
        if (status != GroupSessionView.Status.SCHEDULED) {
            throw CarebookException.invalidState("The session is already " + status.wire() + ".");
        }
        return new GroupSession(
                id, tenant, GroupSessionView.Status.CANCELLED, appointmentTypeId, placement, capacity, createdAt, now);
    }
}
