package org.carebook.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The real time plus an offset that tests move forward, so scheduled work (reminders) can be made due. */
public final class MutableClock extends Clock {

    /** Import into a test to run the whole server on a {@link MutableClock} the test can move. */
    @TestConfiguration
    public static class Configuration {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        Instant now = Instant.now().plus(offset.get());
        return now.minusNanos(now.getNano() % 1_000); // microseconds, as PostgreSQL stores them
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
