package org.carebook.booking;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Book directly, as staff do (docs/api.md §6). A schedule, when named, supplies the clinician, location and
 * remoteness; the end is {@code end}, or the start plus {@code durationMinutes} or the type's duration.
 * {@code allowOverlapping} books over the clinician's other appointments, never over a room's;
 * {@code overrideBookingLimit} books past the patient's limit of upcoming bookings (secret keys only).
 * {@code localStart}, when {@code start} is null: a wall-clock start, read in the location's zone.
 */
public record BookAppointment(
        PatientChoice patient,
        String appointmentTypeId,
        String scheduleId,
        String clinicianId,
        String locationId,
        String roomId,
        Boolean remote,
        Instant start,
        Instant end,
        Integer durationMinutes,
        AppointmentStatus status,
        boolean allowOverlapping,
        AppointmentDetails details,
        boolean overrideBookingLimit,
        LocalDateTime localStart) {}
