package org.carebook.booking;

import org.carebook.events.DomainEvent;
import org.carebook.events.EventType;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/**
 * What happens to a series as a whole, besides each occurrence's own {@code appointment.*} events. The object is
 * the series' view: ids, times, states and the rule, nothing anyone wrote.
 */
public sealed interface SeriesEvent extends DomainEvent {

    SeriesView series();

    @Override
    default SeriesView object() {
        return series();
    }

    @EventType("appointment_series.created")
    record Created(Tenant tenant, Actor actor, SeriesView series) implements SeriesEvent {}

    /** Its later occurrences were cancelled; the earlier ones stand. */
    @EventType("appointment_series.changed")
    record Changed(Tenant tenant, Actor actor, SeriesView series) implements SeriesEvent {}

    @EventType("appointment_series.cancelled")
    record Cancelled(Tenant tenant, Actor actor, SeriesView series) implements SeriesEvent {}
}
