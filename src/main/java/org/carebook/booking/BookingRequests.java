package org.carebook.booking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.carebook.api.Body;
import org.carebook.api.Lengths;
import org.carebook.api.QueryParams;
import org.carebook.api.SameShape;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.patient.PatientRequest;
import org.carebook.patient.PatientView;

/**
 * The bodies of the booking routes (docs/api.md §4, §6), as the OpenAPI document shows them and {@code BodyReader}
 * reads them, each with the command it gives the facade. The rules here are about the body alone (which fields
 * go together); whether the slot is free and what the ids name are the facades' to judge.
 */
final class BookingRequests {

    private static final String PATIENT = "Exactly one of patient_id and patient. With a publishable key, patient"
            + " may give only first_name, last_name, date_of_birth, email, phone and preferred_language.";
    private static final String LIMIT = "Book past the patient's limit of upcoming bookings (secret keys only);"
            + " the appointment records that the limit was overridden.";

    private BookingRequests() {}

    @Schema(
            name = "PlaceHoldRequest",
            description = "A time to hold while the patient gives their details. Without location_id the time is"
                    + " remote (is_remote: false then needs a location); without clinician_id the server picks a"
                    + " clinician free at that time.")
    record PlaceHold(
            @Schema(requiredMode = REQUIRED, example = "type_4kq8c2m9x7")
            String appointmentTypeId,

            @Schema(example = "clin_7hd2k9s0qa") String clinicianId,
            @Schema(example = "loc_2m8x4kq9c7") String locationId,

            @Schema(description = "The local date at the location; start_time is then a clock time HH:MM.")
            LocalDate date,

            @Schema(
                    requiredMode = REQUIRED,
                    description =
                            "An RFC 3339 timestamp with an offset, or a clock time HH:MM when date is" + " given.",
                    example = "2026-03-30T09:00:00+01:00")
            String startTime,

            Boolean isRemote) {

        org.carebook.booking.PlaceHold command(Body<PlaceHold> body) {
            Problems problems = body.problems();
            problems.requireText("appointment_type_id", appointmentTypeId);
            // Without a clinician, the server picks one free at that time (Holds).
            if (body.gives("clinicianId") && (clinicianId == null || clinicianId.isBlank())) {
                body.issue("clinician_id", "must name a clinician, or be left out for any free clinician");
            }
            // A slot without a location is remote, so a hold asked for without one (location_id left out or
            // null, as a client copies it from such a slot) is for remote time; only in person needs a location.
            if (locationId == null && Boolean.FALSE.equals(isRemote)) {
                body.issue("location_id", "is required for a time in person");
            }
            Boolean remote = locationId == null ? Boolean.TRUE : isRemote;
            var start = start(problems);
            problems.require("start_time", start);
            return new org.carebook.booking.PlaceHold(appointmentTypeId, clinicianId, locationId, remote, start);
        }

        /** A clock time on {@code date} where the slot is, or an instant. */
        private org.carebook.booking.PlaceHold.Start start(Problems problems) {
            if (startTime == null) {
                return null;
            }
            if (date != null) {
                return QueryParams.clock(startTime)
                        .<org.carebook.booking.PlaceHold.Start>map(
                                time -> new org.carebook.booking.PlaceHold.Start.Local(date, time))
                        .orElseGet(() -> invalid(problems, QueryParams.CLOCK_TIME));
            }
            return QueryParams.timestamp(startTime)
                    .<org.carebook.booking.PlaceHold.Start>map(
                            at -> new org.carebook.booking.PlaceHold.Start.At(at.toInstant()))
                    .orElseGet(() -> invalid(problems, QueryParams.TIMESTAMP));
        }

        private static org.carebook.booking.PlaceHold.Start invalid(Problems problems, String issue) {
            problems.add("start_time", issue);
            return null;
        }
    }

    @Schema(name = "ConfirmHoldRequest", description = "Who the held appointment is for. " + PATIENT)
    record ConfirmHold(
            @Schema(example = "pat_9x2k4m8q1c") String patientId,
            PatientRequest patient,
            @Schema(maxLength = Lengths.NAME) String attendeeName,

            @Schema(format = "email", maxLength = Lengths.TEXT)
            String attendeeEmail,

            @Schema(maxLength = Phones.MAX_LENGTH) String attendeePhone,

            @Schema(maxLength = Lengths.TEXT, example = "Follow-up on knee pain")
            String reason,

            @Schema(maxLength = Lengths.LONG_TEXT) String notes,

            @Schema(maxLength = AppointmentDetails.PAYMENT_MODE, example = "insurance")
            String paymentMode,

            PatientView.Insurance insurance,

            @Schema(description = LIMIT, defaultValue = "false")
            Boolean overrideBookingLimit,

            Referral referral) {

        org.carebook.booking.ConfirmHold command(Body<ConfirmHold> body, boolean browser) {
            var details = new AppointmentDetails(
                    null,
                    reason,
                    notes,
                    paymentMode,
                    insurance,
                    attendeeName,
                    attendeeEmail,
                    attendeePhone,
                    null,
                    referral);
            return new org.carebook.booking.ConfirmHold(
                    BookingBodies.choosePatient(body, patientId, patient, browser),
                    details,
                    BookingBodies.limitOverride(body, overrideBookingLimit, browser));
        }
    }

    @Schema(
            name = "BookAppointmentRequest",
            description = "An appointment booked directly, without a hold. clinician_id is required unless"
                    + " schedule_id is given, location_id unless is_remote is true. Give end_time or"
                    + " duration_minutes, or neither for the type's duration. " + PATIENT)
    record BookAppointment(
            @Schema(example = "pat_9x2k4m8q1c") String patientId,
            PatientRequest patient,

            @Schema(requiredMode = REQUIRED, example = "type_4kq8c2m9x7")
            String appointmentTypeId,

            String clinicianId,
            String locationId,
            String roomId,
            String scheduleId,
            @Schema(maxLength = Lengths.TEXT) String title,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "An RFC 3339 timestamp with an offset; or, with location_id, a local date and time"
                            + " (2026-03-30T09:00) read in the location's zone.",
                    example = "2026-03-30T09:00:00+01:00")
            String startTime,

            OffsetDateTime endTime,
            @Schema(minimum = "1", maximum = "1440") Integer durationMinutes,

            @Schema(
                    allowableValues = {"confirmed", "pending"},
                    defaultValue = "confirmed")
            String status,

            @Schema(maxLength = Lengths.TEXT) String reason,
            @Schema(maxLength = Lengths.LONG_TEXT) String notes,

            @Schema(maxLength = AppointmentDetails.PAYMENT_MODE)
            String paymentMode,

            PatientView.Insurance insurance,
            Boolean isRemote,

            @Schema(
                    description = "Book even where the clinician is already busy (staff tools only).",
                    defaultValue = "false")
            Boolean allowOverlapping,

            @Schema(maxLength = Lengths.NAME) String attendeeName,

            @Schema(format = "email", maxLength = Lengths.TEXT)
            String attendeeEmail,

            @Schema(maxLength = Phones.MAX_LENGTH) String attendeePhone,

            @Schema(description = "Ids in other systems, such as an EHR's; at most 50.")
            Map<String, String> externalIds,

            Referral referral,

            @Schema(description = LIMIT, defaultValue = "false")
            Boolean overrideBookingLimit) {

        org.carebook.booking.BookAppointment command(Body<BookAppointment> body, boolean browser) {
            var choice = BookingBodies.choosePatient(body, patientId, patient, browser);
            body.problems().requireText("appointment_type_id", appointmentTypeId);
            body.problems().require("start_time", startTime);
            var at = startTime == null ? null : QueryParams.timestamp(startTime).orElse(null);
            var local = startTime == null || at != null ? null : localDateTime(startTime);
            if (startTime != null && at == null && local == null) {
                body.issue("start_time", "must be an RFC 3339 timestamp such as 2026-03-30T09:00:00+01:00");
            } else if (local != null && locationId == null) {
                body.issue(
                        "start_time",
                        "needs an offset (such as +01:00), or location_id to read a local time in its zone");
            }
            if (endTime != null && durationMinutes != null) {
                body.issue("duration_minutes", "give end_time or duration_minutes, not both");
            }
            if (at != null && endTime != null && !endTime.isAfter(at)) {
                body.issue("end_time", "must be after start_time");
            }
            if (status == null && body.gives("status")) {
                body.issue("status", "must be confirmed or pending");
            }
            var details = SameShape.part(this, AppointmentDetails.class);
            return new org.carebook.booking.BookAppointment(
                    choice,
                    appointmentTypeId,
                    scheduleId,
                    clinicianId,
                    locationId,
                    roomId,
                    isRemote,
                    BookingBodies.instant(at),
                    BookingBodies.instant(endTime),
                    durationMinutes,
                    status == null ? AppointmentStatus.CONFIRMED : AppointmentStatus.fromWire(status),
                    BookingBodies.flag(body, "allowOverlapping", allowOverlapping),
                    details,
                    BookingBodies.limitOverride(body, overrideBookingLimit, browser),
                    local);
        }

        /** A date and time without an offset, such as 2026-03-30T09:00; null for anything else. */
        private static java.time.LocalDateTime localDateTime(String text) {
            try {
                return java.time.LocalDateTime.parse(text);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
    }

    @Schema(
            name = "ChangeAppointmentRequest",
            description = "The fields to change; an explicit null clears an optional field. A new time must be free.")
    record ChangeAppointment(
            OffsetDateTime startTime,
            OffsetDateTime endTime,
            String clinicianId,
            String locationId,
            String roomId,
            @Schema(maxLength = Lengths.TEXT) String title,
            @Schema(maxLength = Lengths.TEXT) String reason,
            @Schema(maxLength = Lengths.LONG_TEXT) String notes,

            @Schema(maxLength = AppointmentDetails.PAYMENT_MODE, example = "insurance")
            String paymentMode,

            PatientView.Insurance insurance,
            @Schema(maxLength = Lengths.NAME) String attendeeName,

            @Schema(format = "email", maxLength = Lengths.TEXT)
            String attendeeEmail,

            @Schema(maxLength = Phones.MAX_LENGTH) String attendeePhone,
            Map<String, String> externalIds) {

        org.carebook.booking.ChangeAppointment command(Body<ChangeAppointment> body) {
            if (body.gives("clinicianId") && (clinicianId == null || clinicianId.isBlank())) {
                body.issue("clinician_id", Problems.REQUIRED);
            }
            if (body.gives("startTime")) {
                body.problems().require("start_time", startTime);
            }
            if (body.gives("endTime")) {
                body.problems().require("end_time", endTime);
            }
            if (startTime != null && endTime != null && !endTime.isAfter(startTime)) {
                body.issue("end_time", "must be after start_time");
            }
            var details = new AppointmentDetails(
                    title,
                    reason,
                    notes,
                    paymentMode,
                    insurance,
                    attendeeName,
                    attendeeEmail,
                    attendeePhone,
                    externalIds,
                    null);
            return new org.carebook.booking.ChangeAppointment(
                    body.given(),
                    BookingBodies.instant(startTime),
                    BookingBodies.instant(endTime),
                    clinicianId,
                    locationId,
                    roomId,
                    details);
        }
    }

    @Schema(
            name = "DeclineAppointmentRequest",
            description = "Why the clinic does not accept a pending booking; the patient is told, with the reason."
                    + " The body may be left out.")
    record DeclineAppointment(
            @Schema(maxLength = Lengths.TEXT) String reason) {}

    @Schema(name = "CancelAppointmentRequest", description = "Why, and on whose behalf; the body may be left out.")
    record CancelAppointment(
            @Schema(maxLength = Lengths.TEXT) String reason,

            @Schema(
                    allowableValues = {"patient", "clinic"},
                    defaultValue = "clinic")
            String cancelledBy) {

        /** By the clinic unless the body says otherwise. */
        org.carebook.booking.CancelAppointment command(Body<CancelAppointment> body) {
            body.valid();
            return new org.carebook.booking.CancelAppointment(reason, BookingBodies.cancelledBy(body, cancelledBy));
        }
    }
}
