package org.carebook.events;

import org.carebook.kernel.Tenant;

/**
 * Announced synchronously, inside the recording transaction, for every event: whatever a listener writes
 * (webhook deliveries, notifications) commits or rolls back with the change itself.
 */
public record EventRecorded(Tenant tenant, EventView event, String appointmentId) {
}
