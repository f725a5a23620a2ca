package org.carebook.patient;

import org.carebook.events.DomainEvent;
import org.carebook.events.EventType;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/** What happens to patients; each reports only the id and the names of the changed fields (docs/api.md §7). */
public sealed interface PatientEvent extends DomainEvent {

    @EventType("patient.created")
    record Created(Tenant tenant, Actor actor, PatientChanged object) implements PatientEvent {}

    @EventType("patient.updated")
    record Updated(Tenant tenant, Actor actor, PatientChanged object) implements PatientEvent {}

    @EventType("patient.erased")
    record Erased(Tenant tenant, Actor actor, PatientChanged object) implements PatientEvent {}

    @EventType("patient.merged")
    record Merged(Tenant tenant, Actor actor, PatientMerge object) implements PatientEvent {}
}
