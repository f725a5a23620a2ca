package org.carebook.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.booking.Availability;
import org.carebook.kernel.Caller;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * The free times an appointment can move to, from its own day (or today, if that has passed) on, soonest
 * first: the keyboard's way of moving one.
 */
@Component
class Moves {

    static final int DAYS_AHEAD = 14;
    static final int OFFERED = 24;
    private static final String ANYONE = "any";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final Appointments appointments;
    private final Availability availability;
    private final Catalogue catalogue;
    private final Patients patients;
    private final Clock clock;

    Moves(Appointments appointments, Availability availability, Catalogue catalogue, Patients patients, Clock clock) {
        this.clock = clock;
        this.appointments = appointments;
        this.availability = availability;
        this.catalogue = catalogue;
        this.patients = patients;
    }

    MoveForm page(Caller caller, String id, String clinician, String back, String problem) {
        AppointmentView appointment = appointments.get(caller, id);
        ZoneId zone = zone(caller, appointment);
        String chosen = clinician == null || clinician.isBlank() ? appointment.clinicianId() : clinician;
        String narrowedTo = ANYONE.equals(chosen) ? null : chosen;
        var on = appointment.startTime().atZoneSameInstant(zone).toLocalDate();
        var from = on.isAfter(LocalDate.now(clock.withZone(zone))) ? on : LocalDate.now(clock.withZone(zone));
        var times = availability
                .freeTimes(
                        caller,
                        appointment.appointmentTypeId(),
                        narrowedTo,
                        appointment.locationId(),
                        from,
                        from.plusDays(DAYS_AHEAD - 1))
                .stream()
                .limit(OFFERED)
                .map(slot -> new BookingForm.Option(
                        new BookingDesk.FreeTime(slot.start(), slot.clinicianId()).value(),
                        WHEN.format(slot.start().atZone(zone)),
                        slot.clinicianName(),
                        false))
                .toList();
        var clinicians = new ArrayList<BookingForm.Option>();
        clinicians.add(new BookingForm.Option(ANYONE, "Anyone", null, ANYONE.equals(chosen)));
        catalogue.clinicians(caller, appointment.locationId()).stream()
                .map(c -> new BookingForm.Option(c.id(), c.name(), null, c.id().equals(chosen)))
                .forEach(clinicians::add);
        var patient = patients.several(caller, List.of(appointment.patientId())).stream()
                .map(p -> p.firstName() + " " + p.lastName())
                .findFirst()
                .orElse("Patient");
        return new MoveForm(
                ConsolePaths.of(caller.tenant().mode().wire()).appointment(id) + "/move",
                back,
                patient,
                catalogue.type(caller, appointment.appointmentTypeId()).name(),
                WHEN.format(appointment.startTime().atZoneSameInstant(zone)),
                clinicians,
                times,
                problem);
    }

    ZoneId zoneOf(Caller caller, String id) {
        return zone(caller, appointments.get(caller, id));
    }

    private ZoneId zone(Caller caller, AppointmentView appointment) {
        return ZoneId.of(catalogue.location(caller, appointment.locationId()).timezone());
    }
}
