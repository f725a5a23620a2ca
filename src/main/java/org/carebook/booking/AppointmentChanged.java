package org.carebook.booking;

import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The object of an {@code appointment.*} event: ids, status and times, where the booking came from (its source and
 * the directory's referral labels), and the names of the fields that changed, never what the patient or clinic wrote (notes, reason, title, insurance, attendee, cancellation reason).
 * Events reach anyone with {@code read_events} and every webhook receiver, unaudited; a receiver that needs the
 * details reads {@code /v1/appointments/{id}}, which is audited.
 */
public record AppointmentChanged(
        String id,
        AppointmentStatus status,
        String patientId,
        String appointmentTypeId,
        String clinicianId,
        String locationId,
        String roomId,
        boolean isRemote,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        String holdId,
        String source,
        Referral referral,
        String seriesId,
        String sessionId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<String> changed) {

    /** Bookkeeping that changes with every change, and so says nothing. */
    private static final Set<String> NOT_NAMED = Set.of("updatedAt");

    static AppointmentChanged of(AppointmentView appointment, List<String> changed) {
        return new AppointmentChanged(
                appointment.id(),
                appointment.status(),
                appointment.patientId(),
                appointment.appointmentTypeId(),
                appointment.clinicianId(),
                appointment.locationId(),
                appointment.roomId(),
                appointment.isRemote(),
                appointment.startTime(),
                appointment.endTime(),
                appointment.holdId(),
                appointment.source(),
                appointment.referral(),
                appointment.seriesId(),
                appointment.sessionId(),
                appointment.createdAt(),
                appointment.updatedAt(),
                List.copyOf(changed));
    }

    /** The names (as the API spells them) of the appointment's fields whose values differ, in the view's order. */
    static List<String> between(AppointmentView before, AppointmentView after) {
        var changed = new ArrayList<String>();
        for (RecordComponent component : AppointmentView.class.getRecordComponents()) {
            if (!NOT_NAMED.contains(component.getName()) && !same(value(component, before), value(component, after))) {
                changed.add(snakeCase(component.getName()));
            }
        }
        return changed;
    }

    /** Times compare as instants: a change of offset alone is no change. */
    private static boolean same(Object a, Object b) {
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y);
        }
        return Objects.equals(a, b);
    }

    private static Object value(RecordComponent component, AppointmentView view) {
        try {
            return component.getAccessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
