package org.carebook.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.carebook.kernel.Tenant;

/** An appointment as stored. */
record AppointmentRow(
        String id,
        Tenant tenant,
        AppointmentStatus status,
        String patientId,
        String appointmentTypeId,
        Placement placement,
        AppointmentDetails details,
        String holdId,
        String source,
        boolean allowOverlapping,
        Instant cancelledAt,
        String cancellationReason,
        String cancelledBy,
        Instant checkedInAt,
        boolean lateCancellation,
        int rescheduleCount,
        boolean bookingLimitOverridden,
        Instant createdAt,
        Instant updatedAt) {

    /** A new appointment: nothing cancelled or checked in yet. */
    static AppointmentRow booked(
            String id,
            Tenant tenant,
            AppointmentStatus status,
            String patientId,
            String appointmentTypeId,
            Placement placement,
            AppointmentDetails details,
            String holdId,
            String source,
            boolean allowOverlapping,
            boolean bookingLimitOverridden,
            Instant now) {
        return new AppointmentRow(
                id,
                tenant,
                status,
                patientId,
                appointmentTypeId,
                placement,
                details,
                holdId,
                source,
                allowOverlapping,
                null,
                null,
                null,
                null,
                false,
                0,
                bookingLimitOverridden,
                now,
                now);
    }

    AppointmentView view() {
        var p = placement;
        var d = details;
        return new AppointmentView(
                id,
                status,
                patientId,
                appointmentTypeId,
                p.clinicianId(),
                p.locationId(),
                p.roomId(),
                p.remote(),
                d.title(),
                at(p.start()),
                at(p.end()),
                Duration.between(p.start(), p.end()).toMinutes(),
                d.reason(),
                d.notes(),
                d.paymentMode(),
                d.insurance(),
                d.attendeeName(),
                d.attendeeEmail(),
                d.attendeePhone(),
                holdId,
                source,
                d.externalIds(),
                at(cancelledAt),
                cancellationReason,
                cancelledBy,
                at(checkedInAt),
                lateCancellation,
                rescheduleCount,
                bookingLimitOverridden,
                at(createdAt),
                at(updatedAt));
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(placement.zone()).toOffsetDateTime();
    }
}
