package org.carebook.booking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Map;
import org.carebook.api.JsonFields;
import org.carebook.kernel.Phones;
import org.carebook.patient.PatientRequest;
import org.carebook.patient.PatientView;

/** The bodies of the booking routes (docs/api.md §4, §6), as the OpenAPI document shows them and the forms read them. */
final class BookingRequests {

    private static final String PATIENT = "Exactly one of patient_id and patient. With a publishable key, patient"
            + " may give only first_name, last_name, date_of_birth, email, phone and preferred_language.";
    private static final String LIMIT = "Book past the patient's limit of upcoming bookings (secret keys only);"
            + " the appointment records that the limit was overridden.";

    private BookingRequests() {}

    @Schema(
            name = "PlaceHoldRequest",
            description = "A time to hold while the patient gives their details. location_id is required unless"
                    + " is_remote is true; without clinician_id the server picks a clinician free at that time.")
    record PlaceHold(
            @Schema(requiredMode = REQUIRED, example = "type_4kq8c2m9x7")
            String appointmentTypeId,

            @Schema(example = "clin_7hd2k9s0qa") String clinicianId,
            @Schema(example = "loc_2m8x4kq9c7") String locationId,

            @Schema(
                    format = "date",
                    description = "The local date at the location; start_time is then a clock time HH:MM.")
            String date,

            @Schema(
                    requiredMode = REQUIRED,
                    description =
                            "An RFC 3339 timestamp with an offset, or a clock time HH:MM when date is" + " given.",
                    example = "2026-03-30T09:00:00+01:00")
            String startTime,

            Boolean isRemote) {}

    @Schema(name = "ConfirmHoldRequest", description = "Who the held appointment is for. " + PATIENT)
    record ConfirmHold(
            @Schema(example = "pat_9x2k4m8q1c") String patientId,
            PatientRequest patient,
            @Schema(maxLength = JsonFields.NAME) String attendeeName,

            @Schema(format = "email", maxLength = JsonFields.TEXT)
            String attendeeEmail,

            @Schema(maxLength = Phones.MAX_LENGTH) String attendeePhone,

            @Schema(maxLength = JsonFields.TEXT, example = "Follow-up on knee pain")
            String reason,

            @Schema(maxLength = JsonFields.LONG_TEXT) String notes,

            @Schema(maxLength = AppointmentDetails.PAYMENT_MODE, example = "insurance")
            String paymentMode,

            PatientView.Insurance insurance,

            @Schema(description = LIMIT, defaultValue = "false")
            Boolean overrideBookingLimit) {}

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
            @Schema(maxLength = JsonFields.TEXT) String title,

            @Schema(requiredMode = REQUIRED, example = "2026-03-30T09:00:00+01:00")
            OffsetDateTime startTime,

            OffsetDateTime endTime,
            @Schema(minimum = "1", maximum = "1440") Integer durationMinutes,

            @Schema(
                    allowableValues = {"confirmed", "pending"},
                    defaultValue = "confirmed")
            String status,

            @Schema(maxLength = JsonFields.TEXT) String reason,
            @Schema(maxLength = JsonFields.LONG_TEXT) String notes,

            @Schema(maxLength = AppointmentDetails.PAYMENT_MODE)
            String paymentMode,

            PatientView.Insurance insurance,
            Boolean isRemote,

            @Schema(
                    description = "Book even where the clinician is already busy (staff tools only).",
                    defaultValue = "false")
            Boolean allowOverlapping,

            @Schema(maxLength = JsonFields.NAME) String attendeeName,

            @Schema(format = "email", maxLength = JsonFields.TEXT)
            String attendeeEmail,

            @Schema(maxLength = Phones.MAX_LENGTH) String attendeePhone,

            @Schema(description = "Ids in other systems, such as an EHR's; at most 50.")
            Map<String, String> externalIds,

            @Schema(description = LIMIT, defaultValue = "false")
            Boolean overrideBookingLimit) {}

    @Schema(
            name = "ChangeAppointmentRequest",
            description = "The fields to change; an explicit null clears an optional field. A new time must be free.")
    record ChangeAppointment(
            OffsetDateTime startTime,
            OffsetDateTime endTime,
            String clinicianId,
            String locationId,
            String roomId,
            @Schema(maxLength = JsonFields.TEXT) String title,
            @Schema(maxLength = JsonFields.TEXT) String reason,
            @Schema(maxLength = JsonFields.LONG_TEXT) String notes,
            Map<String, String> externalIds) {}

    @Schema(name = "CancelAppointmentRequest", description = "Why, and on whose behalf; the body may be left out.")
    record CancelAppointment(
            @Schema(maxLength = JsonFields.TEXT) String reason,

            @Schema(
                    allowableValues = {"patient", "clinic"},
                    defaultValue = "clinic")
            String cancelledBy) {}
}
