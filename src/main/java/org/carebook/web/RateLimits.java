package org.carebook.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.springframework.stereotype.Component;

/**
 * A token bucket per key, refilled at {@code CAREBOOK_RATE_LIMIT_PER_SECOND} with one second of burst; a
 * publishable key is public, so its calls also take from a bucket per client address
 * ({@code CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND}), drawn first: one abuser then runs out of their own
 * bucket without emptying the clinic's. Buckets live in this process: behind N processes a key may get up
 * to N times the rate, the usual trade for not putting a shared store on the hot path.
 */
@Component
class RateLimits {

    private final Buckets perKey;
    private final Buckets perAddress;
    private final Counter refusedPerKey;
    private final Counter refusedPerAddress;

    RateLimits(EdgeSettings properties, MeterRegistry metrics) {
        this.refusedPerKey = metrics.counter("carebook.rate_limit.refusals", "bucket", "key");
        this.refusedPerAddress = metrics.counter("carebook.rate_limit.refusals", "bucket", "address");
        this.perKey = new Buckets(properties.rateLimitPerSecond(), Duration.ofSeconds(1));
        this.perAddress = new Buckets(properties.rateLimitPerIpPerSecond(), Duration.ofSeconds(1));
    }

    /** Takes a token for the call; the headers describe the bucket that binds this caller. */
    void consume(Caller caller, HttpServletResponse response) {
        boolean publishable = caller.isPublishable();
        if (publishable) {
            take(
                    perAddress,
                    caller.tenant().organizationId() + "/" + caller.ip(),
                    response,
                    true,
                    refusedPerAddress,
                    "Too many requests from this address; retry after ");
        }
        take(
                perKey,
                caller.keyId(),
                response,
                !publishable,
                refusedPerKey,
                "Too many requests for this key; retry after ");
    }

    private static void take(
            Buckets buckets,
            String name,
            HttpServletResponse response,
            boolean report,
            Counter refusals,
            String message) {
        var probe = buckets.of(name).tryConsumeAndReturnRemaining(1);
        if (report) {
            response.setHeader("RateLimit-Limit", Long.toString(buckets.capacity()));
            response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            response.setHeader("RateLimit-Reset", "1");
        }
        if (!probe.isConsumed()) {
            refusals.increment();
            long seconds = Buckets.secondsToWait(probe.getNanosToWaitForRefill());
            response.setHeader("Retry-After", Long.toString(seconds));
            throw CarebookException.rateLimited("rate_limited", message + seconds + " s.");
        }
    }
}
