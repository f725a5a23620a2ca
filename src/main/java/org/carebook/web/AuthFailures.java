package org.carebook.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.carebook.kernel.CarebookException;
import org.springframework.stereotype.Component;

/**
 * Failed API-key, admin-token and console sign-in attempts per client address, counted across every server
 * process: after {@code CAREBOOK_AUTH_FAILURES_PER_MINUTE} of them the address is refused with 429 before its
 * credentials are even looked at, so keys and passwords cannot be guessed at speed. A correct key counts
 * nothing.
 */
@Component
class AuthFailures {

    private final TokenBuckets perAddress;
    private final Counter failures;
    private final Counter blockedAttempts;

    AuthFailures(EdgeSettings properties, RateLimitStore store, MeterRegistry metrics) {
        this.perAddress =
                store.buckets("auth-failures", properties.authFailuresPerMinute(), Duration.ofMinutes(1), true);
        this.failures = metrics.counter("carebook.auth.failures");
        this.blockedAttempts = metrics.counter("carebook.rate_limit.refusals", "bucket", "auth_failures");
    }

    void refuseIfBlocked(String address, HttpServletResponse response) {
        var estimate = perAddress.peek(address);
        if (!estimate.allowed()) {
            blockedAttempts.increment();
            long seconds = TokenBuckets.secondsToWait(estimate.nanosToWait());
            response.setHeader("Retry-After", Long.toString(seconds));
            throw CarebookException.rateLimited(
                    "rate_limited",
                    "Too many failed attempts with keys from this address; retry after " + seconds + " s.");
        }
    }

    /** Whether the address has used up its failed attempts for now (the console's sign-in asks this). */
    boolean blocked(String address) {
        return !perAddress.peek(address).allowed();
    }

    void record(String address) {
        failures.increment();
        perAddress.take(address);
    }
}
