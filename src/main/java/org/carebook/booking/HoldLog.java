package org.carebook.booking;

import org.carebook.events.EventLog;
import org.springframework.stereotype.Component;

/** Tells what happened to a hold: an event in the log, and a count by outcome in the metrics. */
@Component
class HoldLog {

    private final EventLog events;
    private final BookingMetrics metrics;

    HoldLog(EventLog events, BookingMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    HoldView record(HoldEvent event) {
        events.record(event);
        metrics.holds(outcome(event), 1);
        return event.hold();
    }

    void confirmed() {
        metrics.holds("confirmed", 1);
    }

    private static String outcome(HoldEvent event) {
        if (event instanceof HoldEvent.Placed) {
            return "placed";
        }
        return event instanceof HoldEvent.Released ? "released" : "expired";
    }
}
