package org.carebook.booking;

import java.time.Instant;
import org.carebook.kernel.WireName;

/**
 * Book a course of care (docs/api.md, "Appointment series"): the first occurrence as a direct booking names it (a
 * schedule may stand for its clinician, location and mode, as the console's free times do),
 * repeated by {@code recurrence} at the same clock time in the location's zone. {@code onConflict} says what a
 * date that cannot be booked does: refuse the whole series, or be skipped.
 */
public record BookSeries(
        PatientChoice patient,
        String appointmentTypeId,
        String scheduleId,
        String clinicianId,
        String locationId,
        Boolean remote,
        Instant start,
        Integer durationMinutes,
        Recurrence recurrence,
        OnConflict onConflict,
        AppointmentDetails details,
        boolean overrideBookingLimit) {

    public enum OnConflict implements WireName {
        /** All or nothing: one date that cannot be booked refuses the series. */
        REJECT,
        /** Book the dates that can be, and list the rest. */
        SKIP
    }

    /** The first occurrence, as the direct booking it would be: where the series' place and patient are checked. */
    BookAppointment first() {
        return new BookAppointment(
                patient,
                appointmentTypeId,
                scheduleId,
                clinicianId,
                locationId,
                null,
                remote,
                start,
                null,
                durationMinutes,
                AppointmentStatus.CONFIRMED,
                false,
                details,
                overrideBookingLimit,
                null);
    }
}
