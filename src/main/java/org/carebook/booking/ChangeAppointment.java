package org.carebook.booking;

import java.time.Instant;
import java.util.Set;

/**
 * A partial update of an appointment: the fields {@code given} (wire names) take the values here, the rest
 * keep theirs. A new time, clinician, location or room reschedules it in one guarded step; without an
 * {@code end_time} a new start keeps the length.
 */
public record ChangeAppointment(
        Set<String> given,
        Instant start,
        Instant end,
        String clinicianId,
        String locationId,
        String roomId,
        AppointmentDetails details) {

    public ChangeAppointment {
        given = Set.copyOf(given);
    }

    boolean gives(String field) {
        return given.contains(field);
    }
}
