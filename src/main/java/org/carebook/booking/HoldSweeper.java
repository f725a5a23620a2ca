package org.carebook.booking;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code CAREBOOK_HOLD_SWEEP} (default 30 s; PT0S turns it off) marks expired holds and reports
 * {@code hold.expired}, then declines the pending bookings nobody approved in time. Nothing depends on it for the
 * correctness of holds: readers treat a hold past its expiry as free, and a claim clears the expired holds in its
 * way. Any number of processes may sweep at once: each appointment is declined under its row lock.
 */
@Component
class HoldSweeper implements SchedulingConfigurer {

    private final Holds holds;
    private final Appointments appointments;
    private final BookingSettings properties;

    HoldSweeper(Holds holds, Appointments appointments, BookingSettings properties) {
        this.holds = holds;
        this.appointments = appointments;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.holdSweep().isZero()) {
            registrar.addFixedDelayTask(this::sweep, properties.holdSweep());
        }
    }

    private void sweep() {
        while (holds.sweep() == Holds.SWEEP_BATCH) {
            // a full batch means more may be waiting
        }
        while (appointments.declineOverdue(Holds.SWEEP_BATCH) == Holds.SWEEP_BATCH) {
            // likewise
        }
    }
}
