package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "carebook.rate-limit-per-second=5")
class RateLimitTest extends ApiTest {

    @Test
    void aKeyOverItsRateGets429WithRetryAfter() {
        var org = newOrganization();
        Api.Response last = null;
        for (int i = 0; i < 20 && (last == null || last.status() != 429); i++) {
            last = org.live().get("/v1/locations");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.reason()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
        assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");
        // Other keys have their own bucket.
        assertThat(org.test().get("/v1/locations").status()).isEqualTo(200);
    }
}
