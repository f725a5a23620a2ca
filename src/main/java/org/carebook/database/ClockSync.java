package org.carebook.database;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Keeps {@link DatabaseClock} in step with the database as the host's clock drifts or is corrected. */
@Component
class ClockSync implements SchedulingConfigurer {

    private final DatabaseClock clock;

    ClockSync(DatabaseClock clock) {
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(clock::synchronize, DatabaseClock.RESYNC);
    }
}
