package org.carebook.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carebook.audit.AuditLog;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.booking.AvailabilityQuery;
import org.carebook.booking.CancelAppointment;
import org.carebook.booking.HoldView;
import org.carebook.booking.Holds;
import org.carebook.booking.PlaceHold;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a patient does through a manage link, always to the link's own appointment and through the same
 * guarded commands as every other caller: see it, cancel it, or hold a new time with the same clinician and
 * move onto it. Each use is audited under the link's id.
 */
@Service
class SelfService {

    private static final String APPOINTMENT = "appointment";

    private final ManageLinks links;
    private final Appointments appointments;
    private final Holds holds;
    private final ManagedAppointments managed;
    private final AuditLog audit;
    private final Clock clock;

    SelfService(
            ManageLinks links,
            Appointments appointments,
            Holds holds,
            ManagedAppointments managed,
            AuditLog audit,
            Clock clock) {
        this.links = links;
        this.appointments = appointments;
        this.holds = holds;
        this.managed = managed;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ManagedAppointment show(Caller caller) {
        String id = links.appointmentOf(caller);
        audit.record(caller, AuditLog.Action.READ, APPOINTMENT, List.of(id));
        return managed.of(caller, appointments.get(caller, id));
    }

    @Transactional
    public ManagedAppointment cancel(Caller caller, String reason) {
        String id = links.appointmentOf(caller);
        audit.record(caller, AuditLog.Action.UPDATE, APPOINTMENT, List.of(id));
        return managed.of(
                caller, appointments.cancel(caller, id, new CancelAppointment(reason, CancelAppointment.By.PATIENT)));
    }

    /** Which free times it may move to: the same service with the same clinician, where it is (or by video). */
    @Transactional(readOnly = true)
    public AvailabilityQuery timesToMoveTo(Caller caller, LocalDate from, LocalDate to) {
        var current = appointments.get(caller, links.appointmentOf(caller));
        return new AvailabilityQuery(
                current.appointmentTypeId(),
                from,
                to,
                current.clinicianId(),
                current.locationId(),
                current.isRemote(),
                null);
    }

    /** Holds a new time like any visitor's hold; the appointment moves only when {@link #reschedule} is called. */
    @Transactional
    public HoldView hold(Caller caller, Instant start, Problems problems) {
        problems.throwIfAny();
        var current = appointments.get(caller, links.appointmentOf(caller));
        if (!upcoming(current, clock.instant())) {
            throw CarebookException.invalidState("This appointment is no longer upcoming, so it cannot be moved.");
        }
        appointments
                .policy(caller, current.id())
                .rescheduleRefusal(clock.instant())
                .ifPresent(refusal -> {
                    throw refusal;
                });
        audit.record(caller, AuditLog.Action.CREATE, "hold", List.of());
        return holds.place(
                caller,
                new PlaceHold(
                        current.appointmentTypeId(),
                        current.clinicianId(),
                        current.locationId(),
                        current.isRemote() ? Boolean.TRUE : null,
                        new PlaceHold.Start.At(start)),
                problems);
    }

    @Transactional
    public ManagedAppointment reschedule(Caller caller, String holdId) {
        String id = links.appointmentOf(caller);
        var hold = holds.get(caller, holdId);
        var current = appointments.get(caller, id);
        if (!hold.clinicianId().equals(current.clinicianId())) {
            throw CarebookException.notFound("No such hold.");
        }
        audit.record(caller, AuditLog.Action.UPDATE, APPOINTMENT, List.of(id));
        return managed.of(caller, appointments.moveToHold(caller, id, holdId));
    }

    /** Booked (confirmed or pending) and not yet begun: the only appointments a patient may still change. */
    static boolean upcoming(AppointmentView appointment, Instant now) {
        return appointment.status().isUpcoming()
                && appointment.startTime().toInstant().isAfter(now);
    }
}
