package org.carebook.fhir;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.carebook.availability.WorkingSchedule;
import org.carebook.booking.AppointmentView;
import org.carebook.catalog.WorkingHours;
import org.carebook.kernel.Tenant;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The Slot an appointment fills ({@code Appointment.slot}): the slot of its type at its start on the schedule of
 * its clinician at its location that day, the same id the Slot search gives that time. An appointment on no
 * schedule (booked outside the hours, or whose schedule has since ended) names no slot.
 */
@Component
class SlotReferences {

    private final WorkingHours hours;

    SlotReferences(WorkingHours hours) {
        this.hours = hours;
    }

    /** The appointment as FHIR shows it, with its slot. */
    Appointment appointment(Tenant tenant, AppointmentView view) {
        return forPage(tenant, List.of(view)).apply(view);
    }

    /** Renders a page of appointments, reading the schedules they may be on once for the whole page. */
    Function<AppointmentView, Appointment> forPage(Tenant tenant, List<AppointmentView> views) {
        if (views.isEmpty()) {
            return SchedulingResources::appointment;
        }
        LocalDate first = views.stream()
                .map(SlotReferences::day)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = views.stream()
                .map(SlotReferences::day)
                .max(LocalDate::compareTo)
                .orElseThrow();
        var schedules = hours.schedules(tenant, null, null, first, last);
        return view -> {
            var appointment = SchedulingResources.appointment(view);
            scheduleOf(view, schedules)
                    .map(schedule -> new SlotId(
                            schedule.id(),
                            view.appointmentTypeId(),
                            view.startTime().toInstant()))
                    .ifPresent(slot -> appointment.addSlot(new Reference("Slot/" + slot.fhirId())));
            return appointment;
        };
    }

    private static Optional<WorkingSchedule> scheduleOf(AppointmentView view, List<WorkingSchedule> schedules) {
        LocalDate day = day(view);
        return schedules.stream()
                .filter(s ->
                        s.clinicianId().equals(view.clinicianId()) && Objects.equals(s.locationId(), view.locationId()))
                .filter(s -> !s.hoursOn(day).isEmpty())
                .findFirst();
    }

    private static LocalDate day(AppointmentView view) {
        return view.startTime().atZoneSameInstant(ZoneId.of(view.timezone())).toLocalDate();
    }
}
