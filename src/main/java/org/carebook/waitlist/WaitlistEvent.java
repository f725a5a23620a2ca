package org.carebook.waitlist;

import org.carebook.events.DomainEvent;
import org.carebook.events.EventType;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/** What happens to waitlist entries; each reports the entry as it is afterwards (ids, times, states: no patient data). */
public sealed interface WaitlistEvent extends DomainEvent {

    WaitlistEntryView entry();

    @Override
    default WaitlistEntryView object() {
        return entry();
    }

    @EventType("waitlist_entry.created")
    record Created(Tenant tenant, Actor actor, WaitlistEntryView entry) implements WaitlistEvent {}

    /** A freed time held for the patient: the offer is on the entry. */
    @EventType("waitlist_entry.offered")
    record Offered(Tenant tenant, Actor actor, WaitlistEntryView entry) implements WaitlistEvent {}

    @EventType("waitlist_entry.booked")
    record Booked(Tenant tenant, Actor actor, WaitlistEntryView entry) implements WaitlistEvent {}

    @EventType("waitlist_entry.expired")
    record Expired(Tenant tenant, Actor actor, WaitlistEntryView entry) implements WaitlistEvent {}
}
