package org.carebook.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.carebook.api.JsonFields;
import org.carebook.patient.PatientFields;

/**
 * Reads booking requests into commands (docs/api.md §4, §6), checking their shape only: what the fields name
 * and whether the slot is free are the facades' to judge, and they add their problems to the same list.
 */
final class BookingForms {

    private static final int MAX_MINUTES = 24 * 60;

    private BookingForms() {}

    static PlaceHold placeHold(JsonFields body) {
        var type = body.requiredText("appointment_type_id", JsonFields.TEXT, null);
        // Without a clinician, the server picks one free at that time (Holds).
        var clinician = body.text("clinician_id", JsonFields.TEXT, null);
        if (body.has("clinician_id") && (clinician == null || clinician.isBlank())) {
            body.issue("clinician_id", "must name a clinician, or be left out for any free clinician");
        }
        var location = body.text("location_id", JsonFields.TEXT, null);
        var remote = body.bool("is_remote", null);
        if (location == null && !Boolean.TRUE.equals(remote)) {
            body.issue("location_id", "is required unless is_remote is true");
        }
        LocalDate date = body.date("date", null);
        PlaceHold.Start start = date != null ? local(body, date) : at(body.instant("start_time", null));
        body.require("start_time", start);
        return new PlaceHold(type, clinician, location, remote, start);
    }

    static ConfirmHold confirmHold(JsonFields body, boolean browser) {
        return new ConfirmHold(patient(body, browser), details(body), overrideBookingLimit(body, browser));
    }

    /** Only a secret key may book past a patient's limit of upcoming bookings; a browser's key is held by anyone. */
    private static boolean overrideBookingLimit(JsonFields body, boolean browser) {
        boolean override = body.requiredBool("override_booking_limit", false);
        if (override && browser) {
            body.issue("override_booking_limit", "may only be used with a secret key");
        }
        return override;
    }

    static BookAppointment book(JsonFields body, boolean browser) {
        var patient = patient(body, browser);
        var type = body.requiredText("appointment_type_id", JsonFields.TEXT, null);
        var schedule = body.text("schedule_id", JsonFields.TEXT, null);
        var clinician = body.text("clinician_id", JsonFields.TEXT, null);
        var location = body.text("location_id", JsonFields.TEXT, null);
        var room = body.text("room_id", JsonFields.TEXT, null);
        var remote = body.bool("is_remote", null);
        Instant start = body.instant("start_time", null);
        body.require("start_time", start);
        Instant end = body.instant("end_time", null);
        Integer minutes = body.integer("duration_minutes", 1, MAX_MINUTES, null);
        if (end != null && minutes != null) {
            body.issue("duration_minutes", "give end_time or duration_minutes, not both");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            body.issue("end_time", "must be after start_time");
        }
        String status = body.choice("status", Set.of("confirmed", "pending"), "confirmed");
        if (status == null) {
            body.issue("status", "must be confirmed or pending");
        }
        boolean overlapping = body.requiredBool("allow_overlapping", false);
        return new BookAppointment(
                patient,
                type,
                schedule,
                clinician,
                location,
                room,
                remote,
                start,
                end,
                minutes,
                AppointmentStatus.fromWire(status == null ? "confirmed" : status),
                overlapping,
                details(body),
                overrideBookingLimit(body, browser));
    }

    static ChangeAppointment change(JsonFields body) {
        var clinician = body.text("clinician_id", JsonFields.TEXT, null);
        if (body.has("clinician_id") && (clinician == null || clinician.isBlank())) {
            body.issue("clinician_id", "is required");
        }
        var location = body.text("location_id", JsonFields.TEXT, null);
        var room = body.text("room_id", JsonFields.TEXT, null);
        Instant start = body.instant("start_time", null);
        if (body.has("start_time")) {
            body.require("start_time", start);
        }
        Instant end = body.instant("end_time", null);
        if (body.has("end_time")) {
            body.require("end_time", end);
        }
        if (start != null && end != null && !end.isAfter(start)) {
            body.issue("end_time", "must be after start_time");
        }
        return new ChangeAppointment(body.given(), start, end, clinician, location, room, details(body));
    }

    static CancelAppointment cancel(JsonFields body) {
        var reason = body.text("reason", JsonFields.TEXT, null);
        var by = body.choice("cancelled_by", Set.of("patient", "clinic"), "clinic");
        return new CancelAppointment(
                reason, by == null ? null : CancelAppointment.By.valueOf(by.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Exactly one of {@code patient_id} and {@code patient}; a browser's key may give only who the patient is. */
    private static PatientChoice patient(JsonFields body, boolean browser) {
        var id = body.text("patient_id", JsonFields.TEXT, null);
        var inline = PatientFields.inline(body, "patient", browser);
        if ((id == null) == (inline == null)) {
            body.issue("patient_id", "give either patient_id or patient");
        }
        return id != null ? new PatientChoice.Existing(id) : inline != null ? new PatientChoice.Inline(inline) : null;
    }

    private static AppointmentDetails details(JsonFields body) {
        return new AppointmentDetails(
                body.text("title", JsonFields.TEXT, null),
                body.text("reason", JsonFields.TEXT, null),
                body.text("notes", JsonFields.LONG_TEXT, null),
                body.text("payment_mode", AppointmentDetails.PAYMENT_MODE, null),
                PatientFields.insurance(body, "insurance"),
                body.text("attendee_name", JsonFields.NAME, null),
                body.email("attendee_email", null),
                body.phoneText("attendee_phone", null),
                body.strings("external_ids", null));
    }

    private static PlaceHold.Start local(JsonFields body, LocalDate date) {
        var time = body.clock("start_time", null);
        return time == null ? null : new PlaceHold.Start.Local(date, time);
    }

    private static PlaceHold.Start at(Instant instant) {
        return instant == null ? null : new PlaceHold.Start.At(instant);
    }
}
