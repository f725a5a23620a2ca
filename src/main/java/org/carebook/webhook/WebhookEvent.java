package org.carebook.webhook;

import org.carebook.events.DomainEvent;
import org.carebook.events.EventType;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Tenant;

/** What happens to webhook endpoints themselves (docs/webhooks.md). */
public sealed interface WebhookEvent extends DomainEvent {

    /**
     * A test event asked for by the clinic: delivered to that one endpoint only, signed and retried like any
     * other, so a receiver can be checked before real bookings depend on it.
     */
    @EventType("webhook.test")
    record Tested(Tenant tenant, Actor actor, EndpointTest object) implements WebhookEvent {}

    /** The body of a test event: which endpoint asked for it. */
    record EndpointTest(String endpointId) {}
}
