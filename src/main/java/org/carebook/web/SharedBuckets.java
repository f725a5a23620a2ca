package org.carebook.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets kept in PostgreSQL, so every server process draws from the same ones: the generic cell rate
 * algorithm, one row per bucket, one statement that decides and records atomically under the row's lock. The
 * database's clock is the only clock.
 *
 * <p>So that a request seldom pays for that statement, a process may take tokens a batch at a time and spend them
 * itself (a lease, gone after one period): the bucket never lets more through than its rate, since whatever a
 * process leased was taken from it; at worst a process's unspent tokens expire unused. {@link #peek} always asks
 * the database: an address cut off by failures counted on other processes is cut off here too.
 *
 * <p>When the database cannot take the write (read-only, out of disk) the process's own {@link Buckets} decide
 * instead, so limits loosen to per-process rather than to none or to refusing everyone. A database out of reach
 * is no such case: the request could not be served anyway, so it fails at once (503) rather than waiting for a
 * connection twice.
 */
final class SharedBuckets implements TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);
    private static final int REMEMBERED = 100_000;

    /** Takes {@code :cost} requests' worth if the bucket has room; answers how far ahead of now it then is. */
    private static final String TAKE = """
            INSERT INTO rate_limit_buckets AS b (name, tat)
            VALUES (:name, statement_timestamp() + make_interval(secs => :cost))
            ON CONFLICT (name) DO UPDATE
                SET tat = greatest(b.tat, statement_timestamp()) + make_interval(secs => :cost)
                WHERE greatest(b.tat, statement_timestamp()) + make_interval(secs => :cost)
                      <= statement_timestamp() + make_interval(secs => :period)
            RETURNING extract(epoch FROM tat - statement_timestamp())""";

    private static final String AHEAD = """
            SELECT greatest(0, extract(epoch FROM tat - statement_timestamp()))
            FROM rate_limit_buckets WHERE name = :name""";

    /** What this process knows of one bucket: how far ahead it was when it last asked, and the tokens it leased. */
    private static final class Known {
        double ahead;
        long at;
        int leased;
        long leaseUntil;

        double aheadAt(long now) {
            return Math.max(0, ahead - (now - at) / 1e9);
        }
    }

    private final JdbcClient jdbc;
    private final String family;
    private final long capacity;
    private final double period;
    private final double interval;
    private final int batch;
    private final Buckets fallback;
    /** At most {@link #REMEMBERED} buckets, the least recently used forgotten first (with any lease left). */
    private final Map<String, Known> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** {@code capacity} requests per {@code period}, for buckets named {@code family/…}, leased {@code batch} at a time. */
    SharedBuckets(JdbcClient jdbc, String family, long capacity, Duration period, int batch) {
        this.jdbc = jdbc;
        this.family = family;
        this.capacity = capacity;
        this.period = period.toNanos() / 1e9;
        this.interval = this.period / capacity;
        this.batch = Math.max(1, Math.min(batch, (int) capacity));
        this.fallback = new Buckets(capacity, period);
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public Probe take(String name) {
        long now = System.nanoTime();
        synchronized (known) {
            var bucket = known.get(name);
            if (bucket != null && bucket.leased > 0 && now < bucket.leaseUntil) {
                bucket.leased--;
                return new Probe(true, remaining(bucket.aheadAt(now)) + bucket.leased, 0);
            }
        }
        try {
            var probe = takeFromDatabase(name, batch, now);
            return probe.allowed() || batch == 1 ? probe : takeFromDatabase(name, 1, now);
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
            return ahead + interval <= period ? new Probe(true, remaining(ahead), 0) : refused(ahead);
        } catch (DataAccessException e) {
            refusedWrites(e);
            return fallback.peek(name);
        }
    }

    private Probe takeFromDatabase(String name, int cost, long now) {
        var ahead = jdbc.sql(TAKE)
                .param("name", family + "/" + name)
                .param("cost", interval * cost)
                .param("period", period)
                .query(Double.class)
                .optional();
        double seen = ahead.orElseGet(() -> ahead(name));
        synchronized (known) {
            var bucket = known.computeIfAbsent(name, n -> new Known());
            bucket.ahead = seen;
            bucket.at = now;
            bucket.leased = ahead.isPresent() ? cost - 1 : 0;
            bucket.leaseUntil = now + (long) (period * 1e9);
        }
        return ahead.isPresent() ? new Probe(true, remaining(seen) + cost - 1, 0) : refused(seen);
    }

    /** Goes on only when the database answered but would not do the work (read-only, out of disk). */
    private static void refusedWrites(DataAccessException e) {
        if (DatabaseFailures.outOfReach(e)) {
            throw e;
        }
    }

    private double ahead(String name) {
        return jdbc.sql(AHEAD)
                .param("name", family + "/" + name)
                .query(Double.class)
                .optional()
                .orElse(0.0);
    }

    private Probe refused(double ahead) {
        return new Probe(false, 0, Math.max(0, (long) ((ahead + interval - period) * 1e9)));
    }

    /** Whole requests the bucket still has room for. */
    private long remaining(double ahead) {
        return Math.max(0, (long) Math.floor((period - ahead) / interval + 1e-9));
    }
}
