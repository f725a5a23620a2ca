package org.carebook.events;

import org.carebook.kernel.Tenant;

/**
 * The event as recorded, with the record it came from. Announced synchronously, inside the recording transaction, for every event: whatever a listener writes
 * (webhook deliveries, notifications) commits or rolls back with the change itself.
 */
public record EventRecorded(DomainEvent source, EventView event) {

    public Tenant tenant() {
        return source.tenant();
    }

    public String appointmentId() {
        return source.appointmentId();
    }
}
