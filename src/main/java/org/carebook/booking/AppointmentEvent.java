package org.carebook.booking;

import java.util.List;
import org.carebook.events.DomainEvent;
import org.carebook.events.EventType;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/**
 * What happens to appointments. Listeners in this process get the appointment as it is afterwards; the event
 * log and webhooks get only {@link AppointmentChanged}: ids, status, times and the names of what changed.
 */
public sealed interface AppointmentEvent extends DomainEvent {

    AppointmentView appointment();

    /** The names of the fields the change touched, as the API spells them; none for a new appointment. */
    List<String> changed();

    @Override
    default AppointmentChanged object() {
        return AppointmentChanged.of(appointment(), changed());
    }

    @Override
    default String appointmentId() {
        return appointment().id();
    }

    @EventType("appointment.created")
    record Booked(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}

    /** A pending appointment confirmed (approved by the clinic). */
    @EventType("appointment.confirmed")
    record Confirmed(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}

    /** A pending appointment the clinic did not approve, by hand or automatically; its time is free again. */
    @EventType("appointment.declined")
    record Declined(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}

    @EventType("appointment.rescheduled")
    record Rescheduled(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}

    @EventType("appointment.cancelled")
    record Cancelled(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}

    @EventType("appointment.checked_in")
    record CheckedIn(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}

    @EventType("appointment.no_show")
    record NoShow(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}

    @EventType("appointment.completed")
    record Completed(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed)
            implements AppointmentEvent {}
}
