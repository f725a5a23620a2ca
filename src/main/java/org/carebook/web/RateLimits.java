package org.carebook.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletResponse;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.CarebookProperties;
import org.springframework.stereotype.Component;

/**
 * A token bucket per key, refilled at {@code CAREBOOK_RATE_LIMIT_PER_SECOND} with one second of burst.
 * Buckets live in this process: behind N processes a key may get up to N times the rate, which is
 * the usual trade for not putting a shared store on the hot path.
 */
@Component
class RateLimits {

    private final int perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(CarebookProperties properties) {
        this.perSecond = properties.rateLimitPerSecond();
    }

    void consume(String keyId, HttpServletResponse response) {
        Bucket bucket = buckets.computeIfAbsent(keyId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Limit", Integer.toString(perSecond));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", "1");
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", Long.toString(seconds));
            throw CarebookException.rateLimited("rate_limited", "Too many requests for this key; retry after "
                    + seconds + " s.");
        }
    }
}
