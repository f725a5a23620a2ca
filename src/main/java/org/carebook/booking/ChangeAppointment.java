package org.carebook.booking;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.kernel.Change;

/**
 * A partial update of an appointment: the fields {@code given} take the values here, the rest keep theirs. They
 * are named as the request names them: {@code startTime}, {@code endTime}, {@code clinicianId},
 * {@code locationId}, {@code roomId}, and the components of {@link AppointmentDetails} ({@code insurance.payer}
 * for a part). A new time, clinician, location or room reschedules it in one guarded step; without an end a new
 * start keeps the length.
 */
public record ChangeAppointment(
        Set<String> given,
        Instant start,
        Instant end,
        String clinicianId,
        String locationId,
        String roomId,
        AppointmentDetails details) {

    private static final Set<String> PLACEMENT = Set.of("startTime", "endTime", "clinicianId", "locationId", "roomId");
    private static final Set<String> DETAILS = Arrays.stream(AppointmentDetails.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());

    public ChangeAppointment {
        given = Set.copyOf(given);
        for (String path : given) {
            if (!PLACEMENT.contains(path) && !DETAILS.contains(head(path))) {
                throw new IllegalArgumentException("An appointment has no field " + path);
            }
        }
    }

    boolean gives(String field) {
        if (!PLACEMENT.contains(field)) {
            throw new IllegalArgumentException("Not a field of where an appointment is: " + field);
        }
        return given.contains(field);
    }

    /** The details this change gives, to lay over the appointment's. */
    Change<AppointmentDetails> detailsChange() {
        return new Change<>(
                details,
                given.stream().filter(path -> DETAILS.contains(head(path))).collect(Collectors.toSet()));
    }

    private static String head(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
