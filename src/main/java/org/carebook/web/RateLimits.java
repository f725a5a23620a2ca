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
 * bucket without emptying the clinic's. Calls without a key (published FHIR files) take from the address's
 * bucket alone. The buckets are shared by every server process ({@link RateLimitStore}).
 */
@Component
class RateLimits {

    private final TokenBuckets perKey;
    private final TokenBuckets perAddress;
    private final Counter refusedPerKey;
    private final Counter refusedPerAddress;

    RateLimits(EdgeSettings properties, RateLimitStore store, MeterRegistry metrics) {
        this.refusedPerKey = metrics.counter("carebook.rate_limit.refusals", "bucket", "key");
        this.refusedPerAddress = metrics.counter("carebook.rate_limit.refusals", "bucket", "address");
        this.perKey = store.buckets("key", properties.rateLimitPerSecond(), Duration.ofSeconds(1), false);
        this.perAddress = store.buckets("address", properties.rateLimitPerIpPerSecond(), Duration.ofSeconds(1), false);
    }

    /** Takes a token for a call without a key (public FHIR files) from the bucket of its client address. */
    void consumeAnonymous(String address, HttpServletResponse response) {
        take(
                perAddress,
                "anonymous/" + address,
                response,
                true,
                refusedPerAddress,
                "Too many requests from this address; retry after ");
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
            TokenBuckets buckets,
            String name,
            HttpServletResponse response,
            boolean report,
            Counter refusals,
            String message) {
        var probe = buckets.take(name);
        if (report) {
            response.setHeader("RateLimit-Limit", Long.toString(buckets.capacity()));
            response.setHeader("RateLimit-Remaining", Long.toString(probe.remaining()));
            response.setHeader("RateLimit-Reset", "1");
        }
        if (!probe.allowed()) {
            refusals.increment();
            long seconds = TokenBuckets.secondsToWait(probe.nanosToWait());
            response.setHeader("Retry-After", Long.toString(seconds));
            throw CarebookException.rateLimited("rate_limited", message + seconds + " s.");
        }
    }
}
