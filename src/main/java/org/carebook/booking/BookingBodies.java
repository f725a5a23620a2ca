package org.carebook.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.carebook.api.Body;
import org.carebook.api.SameShape;
import org.carebook.kernel.Problems;
import org.carebook.patient.PatientDraft;
import org.carebook.patient.PatientRequest;

/** What the booking bodies share: whom a booking is for, the limit override, flags that may not be null. */
final class BookingBodies {

    private BookingBodies() {}

    /** Exactly one of {@code patient_id} and {@code patient}; a browser's key may give only who the patient is. */
    static PatientChoice choosePatient(Body<?> body, String id, PatientRequest inline, boolean browser) {
        if (browser) {
            body.refuseMembersOtherThan("patient", PatientRequest.BROWSER_FIELDS);
        }
        if ((id == null) == (inline == null)) {
            body.issue("patientId", "give either patient_id or patient");
        }
        return id != null
                ? new PatientChoice.Existing(id)
                : inline != null ? new PatientChoice.Inline(SameShape.as(inline, PatientDraft.class)) : null;
    }

    /** Only a secret key may book past a patient's limit of upcoming bookings; a browser's key is held by anyone. */
    static boolean limitOverride(Body<?> body, Boolean override, boolean browser) {
        boolean overriding = flag(body, "overrideBookingLimit", override);
        if (overriding && browser) {
            body.issue("overrideBookingLimit", "may only be used with a secret key");
        }
        return overriding;
    }

    /** False when left out; an explicit null is a problem, as the flag has no "unknown". */
    static boolean flag(Body<?> body, String field, Boolean value) {
        if (value == null && body.gives(field)) {
            body.issue(field, Problems.REQUIRED);
        }
        return Boolean.TRUE.equals(value);
    }

    /** Who cancels: the clinic unless the body says otherwise; an explicit null says nobody in particular. */
    static CancelAppointment.By cancelledBy(Body<?> body, String given) {
        var by = body.gives("cancelledBy") ? given : "clinic";
        return by == null ? null : CancelAppointment.By.valueOf(by.toUpperCase(java.util.Locale.ROOT));
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
