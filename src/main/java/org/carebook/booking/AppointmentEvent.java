package org.carebook.booking;

import org.carebook.events.DomainEvent;
import org.carebook.events.EventType;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/** What happens to appointments (API.md §7); each reports the appointment as it is afterwards. */
public sealed interface AppointmentEvent extends DomainEvent {

    AppointmentView appointment();

    @Override
    default AppointmentView object() {
        return appointment();
    }

    @Override
    default String appointmentId() {
        return appointment().id();
    }

    @EventType("appointment.created")
    record Booked(Tenant tenant, Actor actor, AppointmentView appointment) implements AppointmentEvent {}

    @EventType("appointment.rescheduled")
    record Rescheduled(Tenant tenant, Actor actor, AppointmentView appointment) implements AppointmentEvent {}

    @EventType("appointment.cancelled")
    record Cancelled(Tenant tenant, Actor actor, AppointmentView appointment) implements AppointmentEvent {}

    @EventType("appointment.checked_in")
    record CheckedIn(Tenant tenant, Actor actor, AppointmentView appointment) implements AppointmentEvent {}

    @EventType("appointment.no_show")
    record NoShow(Tenant tenant, Actor actor, AppointmentView appointment) implements AppointmentEvent {}

    @EventType("appointment.completed")
    record Completed(Tenant tenant, Actor actor, AppointmentView appointment) implements AppointmentEvent {}
}
