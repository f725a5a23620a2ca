package org.carebook.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.availability.Slot;
import org.carebook.booking.AppointmentDetails;
import org.carebook.booking.AppointmentSeries;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.booking.Availability;
import org.carebook.booking.BookAppointment;
import org.carebook.booking.BookSeries;
import org.carebook.booking.PatientChoice;
import org.carebook.booking.Recurrence;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Problems;
import org.carebook.patient.PatientDraft;
import org.carebook.patient.PatientView;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * Booking from the console: the free times of a type on a day, the patients matching what was typed, and
 * the booking itself, made through the same {@link Appointments#book} as the API's.
 */
@Component
class BookingDesk {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MATCHES = 8;

    private final Catalogue catalogue;
    private final Availability availability;
    private final Patients patients;
    private final Appointments appointments;
    private final AppointmentSeries series;
    private final Clock clock;

    BookingDesk(
            Catalogue catalogue,
            Availability availability,
            Patients patients,
            Appointments appointments,
            AppointmentSeries series,
            Clock clock) {
        this.series = series;
        this.clock = clock;
        this.catalogue = catalogue;
        this.availability = availability;
        this.patients = patients;
        this.appointments = appointments;
    }

    /** The page for what has been chosen so far, with what went wrong ({@code problems}, a lost race) if anything. */
    BookingForm form(Caller caller, String mode, BookingRequest request, List<String> problems, boolean taken) {
        var location = catalogue.location(caller, request.location());
        ZoneId zone = ZoneId.of(location.timezone());
        LocalDate date = FormText.date(request.date()).orElse(LocalDate.now(clock.withZone(zone)));
        var types = catalogue.types(caller).stream()
                .map(t -> new BookingForm.Option(
                        t.id(), t.name(), t.durationMinutes() + " min", t.id().equals(request.type())))
                .toList();
        var clinicians = catalogue.clinicians(caller, location.id()).stream()
                .map(c -> new BookingForm.Option(c.id(), c.name(), null, c.id().equals(request.clinician())))
                .toList();
        return new BookingForm(
                mode,
                Catalogue.choice(location),
                zone.getId(),
                date,
                types,
                clinicians,
                times(caller, request, location.id(), date, zone),
                patientOptions(caller, request),
                FormText.shown(request.q()),
                request.newPatient(),
                FormText.shown(request.notes()),
                new BookingForm.Repeat(FormText.shown(request.repeatEvery()), repeatTimes(request)),
                FormText.time(request.at()).map(CLOCK::format).orElse(""),
                problems,
                taken);
    }

    /**
     * Books the chosen time for the chosen or new patient, or a weekly series from it when the booking repeats
     * (all or nothing); answers the appointment at the chosen time. The facade's 4xx tells what was wrong.
     */
    AppointmentView book(Caller caller, BookingRequest request) {
        var problems = new Problems();
        var chosen = FreeTime.parse(request.time());
        if (chosen.isEmpty()) {
            problems.add("time", "choose a free time");
        }
        if (request.patient() == null || request.patient().isBlank()) {
            problems.add("patient", "choose a patient or add a new one");
        }
        PatientChoice patient = isNew(request)
                ? new PatientChoice.Inline(PatientDraft.of(
                        FormText.given(request.firstName()),
                        FormText.given(request.lastName()),
                        birthDate(request.dateOfBirth(), problems),
                        FormText.given(request.email()),
                        FormText.given(request.phone())))
                : new PatientChoice.Existing(request.patient());
        var details = new AppointmentDetails(
                null, null, FormText.given(request.notes()), null, null, null, null, null, Map.of(), null);
        var every = FormText.given(request.repeatEvery());
        if (every != null) {
            return bookSeries(caller, request, patient, chosen, details, every, problems);
        }
        var command = new BookAppointment(
                patient,
                request.type(),
                chosen.map(FreeTime::ref).orElse(null),
                null,
                null,
                null,
                null,
                chosen.map(FreeTime::start).orElse(null),
                null,
                null,
                AppointmentStatus.CONFIRMED,
                false,
                details,
                false,
                null);
        return appointments.book(caller, command, problems);
    }

    private AppointmentView bookSeries(
            Caller caller,
            BookingRequest request,
            PatientChoice patient,
            Optional<FreeTime> chosen,
            AppointmentDetails details,
            String every,
            Problems problems) {
        var weeks = FormText.number(every).filter(n -> n >= 1 && n <= 52);
        var times = FormText.number(repeatTimes(request)).filter(n -> n >= 2 && n <= Recurrence.MOST_OCCURRENCES);
        if (weeks.isEmpty()) {
            problems.add("repeatEvery", "choose how often it repeats");
        }
        if (times.isEmpty()) {
            problems.add("repeatTimes", "must be a number from 2 to " + Recurrence.MOST_OCCURRENCES);
        }
        var command = new BookSeries(
                patient,
                request.type(),
                chosen.map(FreeTime::ref).orElse(null),
                null,
                null,
                null,
                chosen.map(FreeTime::start).orElse(null),
                null,
                new Recurrence(Recurrence.Frequency.WEEKLY, weeks.orElse(1), List.of(), times.orElse(2), null),
                BookSeries.OnConflict.REJECT,
                details,
                false);
        var booked = series.book(caller, command, problems);
        return appointments.get(caller, booked.occurrences().get(0).appointmentId());
    }

    /** Six weekly visits unless told otherwise: a common course of physiotherapy. */
    private static String repeatTimes(BookingRequest request) {
        return request.repeatTimes() == null || request.repeatTimes().isBlank() ? "6" : request.repeatTimes();
    }

    private List<BookingForm.Option> times(
            Caller caller, BookingRequest request, String locationId, LocalDate date, ZoneId zone) {
        if (request.type() == null || request.type().isBlank()) {
            return List.of();
        }
        String clinician = request.clinician() == null || request.clinician().isBlank() ? null : request.clinician();
        List<Slot> slots = availability.freeTimes(caller, request.type(), clinician, locationId, date, date);
        String chosen = request.time() != null ? request.time() : firstFrom(slots, request.at(), zone);
        return slots.stream()
                .map(s -> {
                    var value = new FreeTime(s.start(), s.scheduleId()).value();
                    return new BookingForm.Option(
                            value,
                            CLOCK.format(s.start().atZone(zone)),
                            s.clinicianName() + (s.remote() ? " · video" : ""),
                            value.equals(chosen));
                })
                .toList();
    }

    /** The first free time from a clock time clicked on the grid, if one was. */
    private static String firstFrom(List<Slot> slots, String at, ZoneId zone) {
        var clicked = FormText.time(at);
        return clicked.flatMap(time -> slots.stream()
                        .filter(s -> !s.start().atZone(zone).toLocalTime().isBefore(time))
                        .findFirst())
                .map(s -> new FreeTime(s.start(), s.scheduleId()).value())
                .orElse(null);
    }

    private List<BookingForm.Option> patientOptions(Caller caller, BookingRequest request) {
        var found = new ArrayList<PatientView>();
        if (request.q() != null && request.q().strip().length() >= 2) {
            found.addAll(patients.search(caller, request.q().strip(), MATCHES).data());
        }
        String chosen = request.patient();
        if (chosen != null
                && !chosen.isBlank()
                && !isNew(request)
                && found.stream().noneMatch(p -> p.id().equals(chosen))) {
            found.addAll(patients.several(caller, List.of(chosen)));
        }
        return found.stream()
                .map(p -> new BookingForm.Option(
                        p.id(),
                        p.firstName() + " " + p.lastName(),
                        p.dateOfBirth() == null ? null : p.dateOfBirth().toString(),
                        p.id().equals(chosen)))
                .toList();
    }

    private static boolean isNew(BookingRequest request) {
        return BookingRequest.NEW_PATIENT.equals(request.patient());
    }

    private static LocalDate birthDate(String text, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var date = FormText.date(text);
        if (date.isEmpty()) {
            problems.add("patient.date_of_birth", "must be a date");
        }
        return date.orElse(null);
    }

    /**
     * A free time as a page posts it back: its start, and what it is with (for a booking the working hours it
     * falls in, for a move the clinician).
     */
    record FreeTime(Instant start, String ref) {

        String value() {
            return start + "|" + ref;
        }

        static Optional<FreeTime> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            int bar = value.indexOf('|');
            try {
                return bar < 0
                        ? Optional.empty()
                        : Optional.of(new FreeTime(Instant.parse(value.substring(0, bar)), value.substring(bar + 1)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
