package org.carebook.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database server's time, kept locally: the system clock plus the offset to PostgreSQL's
 * {@code clock_timestamp()}, measured at start and every {@link #RESYNC} (half the round trip allowed for).
 * Every process of a deployment then agrees on the time to within milliseconds, whatever its host's clock
 * says, so hold expiry and other deadlines mean the same everywhere. Ticks in microseconds, as PostgreSQL
 * stores time, so a value read back equals the one written.
 */
final class DatabaseClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);
    static final Duration RESYNC = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock host;
    private volatile long offsetNanos;

    DatabaseClock(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** With the host's clock given: tests make it wrong on purpose. */
    DatabaseClock(DataSource dataSource, Clock host) {
        this.jdbc = JdbcClient.create(dataSource);
        this.host = host;
        synchronize();
    }

    /** Measures the offset again; keeps the last one if the database cannot be reached. */
    void synchronize() {
        try {
            long sent = System.nanoTime();
            Instant local = host.instant();
            Instant database = jdbc.sql("SELECT clock_timestamp()")
                    .query((rs, n) -> rs.getTimestamp(1).toInstant())
                    .single();
            long halfTrip = (System.nanoTime() - sent) / 2;
            long offset = Duration.between(local.plusNanos(halfTrip), database).toNanos();
            if (Math.abs(offset - offsetNanos) > Duration.ofMillis(50).toNanos()) {
                log.info(
                        "This host's clock is {} ms behind the database's; using the database's time",
                        offset / 1_000_000);
            }
            offsetNanos = offset;
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the database's time ({}); keeping the last offset",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public Instant instant() {
        Instant now = host.instant().plusNanos(offsetNanos);
        return now.minusNanos(now.getNano() % 1_000);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(host.withZone(zone), Duration.ofNanos(offsetNanos));
    }
}
