package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Buckets in the database as two server processes use them (two instances on one PostgreSQL): together they let
 * through exactly the bucket's capacity, leases or not, and a refusal says how long to wait.
 */
class SharedBucketsTest extends ApiTest {

    @Test
    void twoProcessesLeasingTokensTogetherLetThroughExactlyTheCapacity() {
        String family = "test-" + UUID.randomUUID();
        var first = new SharedBuckets(jdbc, family, 100, Duration.ofMinutes(10), 10);
        var second = new SharedBuckets(jdbc, family, 100, Duration.ofMinutes(10), 10);

        int allowed = 0;
        for (int i = 0; i < 300; i++) {
            if ((i % 3 == 0 ? second : first).take("client").allowed()) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(100);
        var refused = first.take("client");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.nanosToWait()).isBetween(1L, Duration.ofSeconds(7).toNanos());
        assertThat(second.take("someone else").allowed()).isTrue();
    }

    @Test
    void aPeekSeesWhatAnotherProcessCounted() {
        String family = "test-" + UUID.randomUUID();
        var counting = new SharedBuckets(jdbc, family, 3, Duration.ofMinutes(1), 1);
        var asking = new SharedBuckets(jdbc, family, 3, Duration.ofMinutes(1), 1);

        for (int i = 0; i < 3; i++) {
            assertThat(asking.peek("203.0.113.5").allowed()).isTrue();
            counting.take("203.0.113.5");
        }

        assertThat(asking.peek("203.0.113.5").allowed()).isFalse();
        assertThat(asking.peek("203.0.113.6").allowed()).isTrue();
    }
}
