package org.carebook.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by name kept in this process, all with the same limit: what {@link SharedBuckets} falls back
 * on when the database cannot take a write, and the store with {@code CAREBOOK_RATE_LIMIT_STORE=process}. At
 * most {@code MAX} are kept, the least recently used dropped first, so a flood of new addresses cannot grow
 * memory without bound; a dropped bucket comes back full, which only ever errs towards letting a request
 * through.
 */
final class Buckets implements TokenBuckets {

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

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public Probe take(String name) {
        var probe = of(name).tryConsumeAndReturnRemaining(1);
        return new Probe(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
    }

    @Override
    public Probe peek(String name) {
        var estimate = of(name).estimateAbilityToConsume(1);
        return new Probe(estimate.canBeConsumed(), 0, estimate.getNanosToWaitForRefill());
    }

    private Bucket of(String name) {
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
}
