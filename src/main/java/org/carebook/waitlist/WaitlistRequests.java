package org.carebook.waitlist;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.carebook.api.Body;
import org.carebook.api.Lengths;
import org.carebook.api.SameShape;
import org.carebook.booking.PatientChoice;
import org.carebook.patient.PatientDraft;
import org.carebook.patient.PatientRequest;

/** The body of {@code POST /v1/waitlist-entries} (docs/api.md §6c), with the command it gives the facade. */
final class WaitlistRequests {

    private WaitlistRequests() {}

    @Schema(
            name = "WaitlistEntryRequest",
            description = "A patient waiting for a time of a service: the patient (patient_id, or patient inline, as"
                    + " when confirming a hold), and what suits them. Days and times left out mean any.")
    record Join(
            @Schema(example = "pat_9x2k4m8q1c") String patientId,
            PatientRequest patient,

            @Schema(requiredMode = REQUIRED, maxLength = Lengths.ID)
            String appointmentTypeId,

            @Schema(maxLength = Lengths.ID) String clinicianId,
            @Schema(maxLength = Lengths.ID) String locationId,

            @ArraySchema(
                    maxItems = 7,
                    arraySchema = @Schema(description = "The weekdays that suit; any day when left out."),
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
            List<String> days,

            @ArraySchema(
                    maxItems = 6,
                    arraySchema =
                            @Schema(
                                    description = "The parts of the day that suit, in the location's clock; any time"
                                            + " when left out."))
            List<Window> times,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "The last day a time may fall on; at most a year ahead.",
                    example = "2027-03-31")
            LocalDate until) {

        /** The command; what is wrong with the body is in its problems, which the facade adds to and refuses. */
        JoinWaitlist command(Body<Join> body, boolean browser, LocalDate today) {
            PatientChoice patient = choosePatient(body, browser);
            body.problems().require("appointmentTypeId", appointmentTypeId);
            body.problems().require("until", until);
            if (until != null && (until.isBefore(today) || until.isAfter(today.plusYears(1)))) {
                body.issue("until", "must be from today to a year ahead");
            }
            var weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (String day : days == null ? List.<String>of() : days) {
                try {
                    weekdays.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    body.issue("days", "must name days of the week, as monday to sunday");
                }
            }
            var windows = new ArrayList<TimeOfDay>();
            var given = times == null ? List.<Window>of() : times;
            for (int i = 0; i < given.size(); i++) {
                var w = given.get(i);
                if (w == null
                        || w.start() == null
                        || w.end() == null
                        || !w.end().isAfter(w.start())) {
                    body.issue("times[" + i + "]", "needs a start and a later end, such as 09:00 and 12:00");
                } else {
                    windows.add(new TimeOfDay(w.start(), w.end()));
                }
            }
            return new JoinWaitlist(
                    patient,
                    appointmentTypeId,
                    new Preferences(clinicianId, locationId, weekdays, List.copyOf(windows), until));
        }

        private PatientChoice choosePatient(Body<Join> body, boolean browser) {
            if (browser) {
                body.refuseMembersOtherThan("patient", PatientRequest.BROWSER_FIELDS);
                if (patientId != null) {
                    body.issue("patientId", "a browser's key gives the patient inline");
                }
            }
            if ((patientId == null) == (patient == null)) {
                body.issue("patientId", "give either patient_id or patient");
            }
            return patientId != null
                    ? new PatientChoice.Existing(patientId)
                    : patient != null ? new PatientChoice.Inline(SameShape.as(patient, PatientDraft.class)) : null;
        }
    }

    @Schema(name = "TimeOfDayRequest", description = "A part of the day, as local clock times.")
    record Window(
            @Schema(requiredMode = REQUIRED, example = "09:00")
            LocalTime start,

            @Schema(requiredMode = REQUIRED, example = "12:00")
            LocalTime end) {}
}
