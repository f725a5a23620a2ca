package org.carebook.booking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carebook.api.Body;
import org.carebook.api.Lengths;
import org.carebook.kernel.WireName;
import org.carebook.patient.PatientRequest;
import org.carebook.patient.PatientView;

/** The bodies of the series routes (docs/api.md, "Appointment series"), each with the command it gives the facade. */
final class SeriesRequests {

    private SeriesRequests() {}

    @Schema(
            name = "BookSeriesRequest",
            description = "A course of care: the first occurrence as a direct booking names it, repeated by recurrence"
                    + " at the same clock time in the location's zone. Exactly one of patient_id and patient.")
    record BookSeries(
            @Schema(example = "pat_9x2k4m8q1c") String patientId,
            PatientRequest patient,

            @Schema(requiredMode = REQUIRED, example = "type_4kq8c2m9x7")
            String appointmentTypeId,

            @Schema(requiredMode = REQUIRED, example = "clin_7hd2k9s0qa")
            String clinicianId,

            @Schema(example = "loc_2m8x4kq9c7") String locationId,
            Boolean isRemote,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "The first occurrence; later ones keep its clock time in the location's zone.",
                    example = "2027-09-28T10:00:00+01:00")
            OffsetDateTime startTime,

            @Schema(minimum = "1", maximum = "1440") Integer durationMinutes,

            @Schema(requiredMode = REQUIRED) Recurrence recurrence,

            @Schema(
                    description = "reject: all or nothing, a 409 series_conflict lists every date that cannot be"
                            + " booked; skip: book the others and list the skipped dates.",
                    allowableValues = {"reject", "skip"},
                    defaultValue = "reject")
            String onConflict,

            @Schema(maxLength = Lengths.TEXT) String reason,
            @Schema(maxLength = Lengths.LONG_TEXT) String notes,

            @Schema(maxLength = AppointmentDetails.PAYMENT_MODE)
            String paymentMode,

            PatientView.Insurance insurance,

            @Schema(description = "Book past the patient's limit of upcoming bookings (secret keys only).")
            Boolean overrideBookingLimit) {

        org.carebook.booking.BookSeries command(Body<BookSeries> body) {
            var choice = BookingBodies.choosePatient(body, patientId, patient, false);
            var problems = body.problems();
            problems.requireText("appointment_type_id", appointmentTypeId);
            problems.requireText("clinician_id", clinicianId);
            problems.require("start_time", startTime);
            problems.require("recurrence", recurrence);
            if (onConflict == null && body.gives("onConflict")) {
                body.issue("on_conflict", "must be reject or skip");
            }
            var details =
                    new AppointmentDetails(null, reason, notes, paymentMode, insurance, null, null, null, null, null);
            return new org.carebook.booking.BookSeries(
                    choice,
                    appointmentTypeId,
                    null,
                    clinicianId,
                    locationId,
                    isRemote,
                    BookingBodies.instant(startTime),
                    durationMinutes,
                    recurrence == null ? null : recurrence.rule(body),
                    onConflict == null
                            ? org.carebook.booking.BookSeries.OnConflict.REJECT
                            : WireName.parse(org.carebook.booking.BookSeries.OnConflict.class, onConflict),
                    details,
                    BookingBodies.limitOverride(body, overrideBookingLimit, false));
        }
    }

    @Schema(
            name = "RecurrenceRequest",
            description = "How the series repeats (a subset of RFC 5545's RRULE). Exactly one of count and until; at"
                    + " most 52 occurrences.")
    record Recurrence(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"daily", "weekly"})
            String frequency,

            @Schema(description = "Every N days or weeks.", minimum = "1", maximum = "52", defaultValue = "1")
            Integer interval,

            @ArraySchema(
                    maxItems = 7,
                    arraySchema =
                            @Schema(
                                    description =
                                            "For weekly: the days it falls on; the first occurrence's day when left"
                                                    + " out."),
                    schema =
                            @Schema(
                                    allowableValues = {
                                        "monday",
                                        "tuesday",
                                        "wednesday",
                                        "thursday",
                                        "friday",
                                        "saturday",
                                        "sunday"
                                    }))
            List<String> byDay,

            @Schema(description = "How many occurrences, the first included.", minimum = "1", maximum = "52")
            Integer count,

            @Schema(description = "The last date it may fall on, in the location's zone.")
            LocalDate until) {

        org.carebook.booking.Recurrence rule(Body<?> body) {
            body.problems().require("recurrence.frequency", frequency);
            if ((count == null) == (until == null)) {
                body.issue("recurrence.count", "give either count or until");
            }
            var days = new ArrayList<org.carebook.booking.Recurrence.Weekday>();
            for (String day : byDay == null ? List.<String>of() : byDay) {
                var weekday = java.util.Arrays.stream(org.carebook.booking.Recurrence.Weekday.values())
                        .filter(w -> w.wire().equals(day))
                        .findFirst();
                if (weekday.isPresent()) {
                    days.add(weekday.get());
                } else {
                    body.issue("recurrence.byDay", "must name days of the week, as monday to sunday");
                }
            }
            return new org.carebook.booking.Recurrence(
                    frequency == null
                            ? null
                            : org.carebook.booking.Recurrence.Frequency.valueOf(frequency.toUpperCase(Locale.ROOT)),
                    interval == null ? 1 : interval,
                    days,
                    count,
                    until);
        }
    }

    @Schema(
            name = "CancelSeriesRequest",
            description = "Cancel the occurrences still to come: from from_appointment_id on (this and following),"
                    + " or all of them when it is left out, which ends the series. The body may be left out.")
    record CancelSeries(
            @Schema(example = "apt_4kq8c2m9x7") String fromAppointmentId,
            @Schema(maxLength = Lengths.TEXT) String reason,

            @Schema(
                    allowableValues = {"patient", "clinic"},
                    defaultValue = "clinic")
            String cancelledBy) {

        org.carebook.booking.CancelSeries command(Body<CancelSeries> body) {
            body.valid();
            return new org.carebook.booking.CancelSeries(
                    fromAppointmentId, reason, BookingBodies.cancelledBy(body, cancelledBy));
        }
    }

    @Schema(
            name = "MoveSeriesRequest",
            description = "Move the occurrences still to come from from_appointment_id on: that one to start_time, each"
                    + " later one as many days on at the same clock time. All or nothing: a 409 series_conflict lists"
                    + " every date that cannot be moved to.")
    record MoveSeries(
            @Schema(requiredMode = REQUIRED, example = "apt_4kq8c2m9x7")
            String fromAppointmentId,

            @Schema(requiredMode = REQUIRED, example = "2027-10-21T14:00:00+01:00")
            OffsetDateTime startTime) {

        org.carebook.booking.MoveSeries command(Body<MoveSeries> body) {
            body.problems().requireText("from_appointment_id", fromAppointmentId);
            body.problems().require("start_time", startTime);
            return new org.carebook.booking.MoveSeries(fromAppointmentId, BookingBodies.instant(startTime));
        }
    }
}
