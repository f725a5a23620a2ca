package org.carebook.booking;

import java.util.Map;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.patient.PatientView;

/**
 * What a booking says beyond who and when: free text, payment, insurance, attendee contact, and who referred the
 * patient.
 */
public record AppointmentDetails(
        String title,
        String reason,
        String notes,
        String paymentMode,
        PatientView.Insurance insurance,
        String attendeeName,
        String attendeeEmail,
        String attendeePhone,
        Map<String, String> externalIds,
        Referral referral) {

    public static final AppointmentDetails NONE =
            new AppointmentDetails(null, null, null, null, null, null, null, null, Map.of(), null);
    static final int PAYMENT_MODE = 64;

    public AppointmentDetails {
        externalIds = externalIds == null ? Map.of() : externalIds;
    }

    /** As stored: the attendee's phone in E.164 (read in {@code country}), an insurance naming its payer. */
    AppointmentDetails checked(String country, Problems problems) {
        if (insurance != null) {
            insurance.check(problems, "insurance.");
        }
        return new AppointmentDetails(
                title,
                reason,
                notes,
                paymentMode,
                insurance,
                attendeeName,
                attendeeEmail,
                Phones.normalize(attendeePhone, country, problems, "attendeePhone"),
                externalIds,
                referral);
    }
}
