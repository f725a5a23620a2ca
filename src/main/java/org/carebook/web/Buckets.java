package org.carebook.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by name (a key id, a client address), all with the same limit. At most {@code MAX} are kept,
 * the least recently used dropped first, so a flood of new addresses cannot grow memory without bound; a
 * dropped bucket comes back full, which only ever errs towards letting a request through.
 */
final class Buckets {

    private static final int MAX = 100_000;

    private final long capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX;
        }
    };

    /** {@code capacity} tokens, refilled in full over each {@code period}. */
    Buckets(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    long capacity() {
        return capacity;
    }

    Bucket of(String name) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(
                    name,
                    n -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(capacity)
                                    .refillGreedy(capacity, period)
                                    .build())
                            .build());
        }
    }

    /** Whole seconds until one more token, at least one. */
    static long secondsToWait(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
