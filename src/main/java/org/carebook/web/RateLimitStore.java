package org.carebook.web;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where rate-limit buckets live ({@code CAREBOOK_RATE_LIMIT_STORE}): in the database, shared by every server
 * process (the default), or in each process alone ({@code process}: one less statement per request, for a
 * server that runs as one process).
 */
@Component
class RateLimitStore {

    private final JdbcClient jdbc;
    private final boolean shared;

    RateLimitStore(JdbcClient jdbc, EdgeSettings settings) {
        this.jdbc = jdbc;
        this.shared = EdgeSettings.DATABASE.equals(settings.rateLimitStore());
    }

    /**
     * Buckets of {@code capacity} requests per {@code period}, named within {@code family}. A process leases a
     * tenth of a bucket at a time from the database ({@link SharedBuckets}), or with {@code exact} one token at a
     * time (failed attempts: each is counted as it happens).
     */
    TokenBuckets buckets(String family, long capacity, Duration period, boolean exact) {
        int batch = exact ? 1 : (int) Math.max(1, capacity / 10);
        return shared ? new SharedBuckets(jdbc, family, capacity, period, batch) : new Buckets(capacity, period);
    }

    /** A bucket that has caught up with the present is full, the same as no row: forget it. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetFullBuckets() {
        if (shared) {
            try {
                jdbc.sql("DELETE FROM rate_limit_buckets WHERE tat < statement_timestamp()")
                        .update();
            } catch (org.springframework.dao.DataAccessException e) {
                // read-only or away for now: the next round tries again
            }
        }
    }
}
