package org.carebook.booking;

import java.util.Map;

import org.carebook.kernel.JsonFields;
import org.carebook.patient.PatientView;

/** What a booking says beyond who and when: free text, payment, insurance and attendee contact. */
record AppointmentDetails(String title, String reason, String notes, String paymentMode,
                          PatientView.Insurance insurance, String attendeeName, String attendeeEmail,
                          String attendeePhone, Map<String, String> externalIds) {

    static final AppointmentDetails NONE = new AppointmentDetails(null, null, null, null, null, null, null, null, Map.of());
    static final int PAYMENT_MODE = 64;

    /** Reads the fields present in {@code body}; absent ones keep their {@code current} value. */
    static AppointmentDetails read(JsonFields body, AppointmentDetails current, String country) {
        return new AppointmentDetails(
                body.text("title", JsonFields.TEXT, current.title()),
                body.text("reason", JsonFields.TEXT, current.reason()),
                body.text("notes", JsonFields.LONG_TEXT, current.notes()),
                body.text("payment_mode", PAYMENT_MODE, current.paymentMode()),
                body.object("insurance", current.insurance(), AppointmentDetails::insurance,
                        "payer", "member_id", "group_number"),
                body.text("attendee_name", JsonFields.NAME, current.attendeeName()),
                body.email("attendee_email", current.attendeeEmail()),
                org.carebook.kernel.Phones.read(body, "attendee_phone", country, current.attendeePhone()),
                body.strings("external_ids", current.externalIds()));
    }

    private static PatientView.Insurance insurance(JsonFields body) {
        return new PatientView.Insurance(body.requiredText("payer", JsonFields.TEXT, null),
                body.text("member_id", JsonFields.TEXT, null), body.text("group_number", JsonFields.TEXT, null));
    }
}
