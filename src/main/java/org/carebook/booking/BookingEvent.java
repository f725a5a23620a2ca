package org.carebook.booking;

import java.time.Instant;

import org.carebook.kernel.Tenant;

/**
 * A change to a hold or an appointment, published inside the transaction that made it. {@code type}
 * is the event name of API.md §7 ({@code appointment.created}, {@code hold.expired}, ...) and
 * {@code object} the hold or appointment view after the change.
 */
public record BookingEvent(String type, Tenant tenant, String objectId, Object object, Instant occurredAt) {
}
