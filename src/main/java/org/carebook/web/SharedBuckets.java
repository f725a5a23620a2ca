package org.carebook.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets kept in PostgreSQL, so every server process draws from the same ones: the generic cell rate
 * algorithm, one row per bucket, one statement per request that decides and records atomically under the
 * row's lock. The database's clock is the only clock. When the database cannot take the write (read-only,
 * failing over) the process's own {@link Buckets} decide instead, so limits degrade to per-process rather
 * than to none or to refusing everyone.
 */
final class SharedBuckets implements TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    /** Lets the request through if the bucket has room, and says how far ahead of now the bucket is. */
    private static final String TAKE = """
            INSERT INTO rate_limit_buckets AS b (name, tat)
            VALUES (:name, statement_timestamp() + make_interval(secs => :interval))
            ON CONFLICT (name) DO UPDATE
                SET tat = greatest(b.tat, statement_timestamp()) + make_interval(secs => :interval)
                WHERE greatest(b.tat, statement_timestamp()) + make_interval(secs => :interval)
                      <= statement_timestamp() + make_interval(secs => :period)
            RETURNING extract(epoch FROM tat - statement_timestamp())""";

    private static final String AHEAD = """
            SELECT greatest(0, extract(epoch FROM tat - statement_timestamp()))
            FROM rate_limit_buckets WHERE name = :name""";

    private final JdbcClient jdbc;
    private final String family;
    private final long capacity;
    private final double period;
    private final double interval;
    private final Buckets fallback;

    /** {@code capacity} requests per {@code period}, for buckets named {@code family/…}. */
    SharedBuckets(JdbcClient jdbc, String family, long capacity, Duration period) {
        this.jdbc = jdbc;
        this.family = family;
        this.capacity = capacity;
        this.period = period.toNanos() / 1e9;
        this.interval = this.period / capacity;
        this.fallback = new Buckets(capacity, period);
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public Probe take(String name) {
        try {
            var ahead = jdbc.sql(TAKE)
                    .param("name", family + "/" + name)
                    .param("interval", interval)
                    .param("period", period)
                    .query(Double.class)
                    .optional();
            if (ahead.isPresent()) {
                return new Probe(true, remaining(ahead.get()), 0);
            }
            return new Probe(false, 0, waitNanos(ahead(name)));
        } catch (DataAccessException e) {
            log.debug(
                    "Shared rate limits unavailable, this process decides alone: {}",
                    e.getClass().getSimpleName());
            return fallback.take(name);
        }
    }

    @Override
    public Probe peek(String name) {
        try {
            double ahead = ahead(name);
            return ahead + interval <= period
                    ? new Probe(true, remaining(ahead), 0)
                    : new Probe(false, 0, waitNanos(ahead));
        } catch (DataAccessException e) {
            return fallback.peek(name);
        }
    }

    private double ahead(String name) {
        return jdbc.sql(AHEAD)
                .param("name", family + "/" + name)
                .query(Double.class)
                .optional()
                .orElse(0.0);
    }

    /** Whole requests the bucket still has room for. */
    private long remaining(double ahead) {
        return Math.max(0, (long) Math.floor((period - ahead) / interval + 1e-9));
    }

    /** Until the bucket has room for one more. */
    private long waitNanos(double ahead) {
        return Math.max(0, (long) ((ahead + interval - period) * 1e9));
    }
}
