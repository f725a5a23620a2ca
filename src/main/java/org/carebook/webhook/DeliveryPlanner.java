package org.carebook.webhook;

import org.carebook.events.EventRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts a delivery in the outbox for every endpoint subscribed to a recorded event, synchronously and so
 * in the event's own transaction: a committed event always has its deliveries, a rolled-back one none.
 */
@Component
class DeliveryPlanner {

    private final DeliveryRepository deliveries;

    DeliveryPlanner(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @EventListener
    void plan(EventRecorded recorded) {
        var event = recorded.event();
        if (recorded.source() instanceof WebhookEvent.Tested tested) {
            deliveries.enqueueTo(tested.object().endpointId(), event.id(), event.createdAt());
            return;
        }
        deliveries.enqueue(
                recorded.tenant(),
                event.id(),
                event.type(),
                recorded.appointmentId(),
                event.sequence(),
                event.createdAt());
    }
}
