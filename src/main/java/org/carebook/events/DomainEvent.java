package org.carebook.events;

import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/**
 * Something that happened, as the module it happened in tells it: a record named with {@link EventType}
 * inside a sealed family that the module registers as an {@link EventFamily}. The event log stores the
 * {@link #object()} under that name and webhooks deliver it; other modules listen for the records.
 */
public interface DomainEvent {

    Tenant tenant();

    /** Who made the change the event reports. */
    Actor actor();

    /** The object the event reports, as the API shows it: what the log stores and webhooks deliver. */
    Object object();

    /** The appointment whose history this event is part of (its sequence counts them), or null. */
    default String appointmentId() {
        return null;
    }

    /** The wire name, such as {@code appointment.created}. */
    default String type() {
        return EventFamily.typeOf(getClass());
    }
}
