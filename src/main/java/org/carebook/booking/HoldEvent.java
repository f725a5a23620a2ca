package org.carebook.booking;

import org.carebook.events.DomainEvent;
import org.carebook.events.EventType;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/** What happens to holds (docs/api.md §7); each reports the hold as it is afterwards. */
public sealed interface HoldEvent extends DomainEvent {

    HoldView hold();

    @Override
    default HoldView object() {
        return hold();
    }

    @EventType("hold.created")
    record Placed(Tenant tenant, Actor actor, HoldView hold) implements HoldEvent {}

    @EventType("hold.released")
    record Released(Tenant tenant, Actor actor, HoldView hold) implements HoldEvent {}

    @EventType("hold.expired")
    record Expired(Tenant tenant, Actor actor, HoldView hold) implements HoldEvent {}
}
