package org.carebook.events;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly: events older than 30 days are deleted. Any number of processes may prune at once. */
@Component
class EventPruner {

    private final EventLog events;

    EventPruner(EventLog events) {
        this.events = events;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void prune() {
        events.prune();
    }
}
