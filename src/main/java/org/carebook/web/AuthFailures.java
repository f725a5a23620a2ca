package org.carebook.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.carebook.kernel.CarebookException;
import org.springframework.stereotype.Component;

/**
 * Failed API-key and admin-token attempts per client address: after {@code CAREBOOK_AUTH_FAILURES_PER_MINUTE}
 * of them the address is refused with 429 before its credentials are even looked at, so keys and the admin
 * token cannot be guessed at speed. A correct key still counts nothing.
 */
@Component
class AuthFailures {

    private final Buckets perAddress;
    private final Counter failures;
    private final Counter blockedAttempts;

    AuthFailures(EdgeSettings properties, MeterRegistry metrics) {
        this.perAddress = new Buckets(properties.authFailuresPerMinute(), Duration.ofMinutes(1));
        this.failures = metrics.counter("carebook.auth.failures");
        this.blockedAttempts = metrics.counter("carebook.rate_limit.refusals", "bucket", "auth_failures");
    }

    void refuseIfBlocked(String address, HttpServletResponse response) {
        var estimate = perAddress.of(address).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            blockedAttempts.increment();
            long seconds = Buckets.secondsToWait(estimate.getNanosToWaitForRefill());
            response.setHeader("Retry-After", Long.toString(seconds));
            throw CarebookException.rateLimited(
                    "rate_limited",
                    "Too many failed attempts with keys from this address; retry after " + seconds + " s.");
        }
    }

    /** Whether the address has used up its failed attempts for now (the console's sign-in asks this). */
    boolean blocked(String address) {
        return !perAddress.of(address).estimateAbilityToConsume(1).canBeConsumed();
    }

    void record(String address) {
        failures.increment();
        perAddress.of(address).tryConsume(1);
    }
}
