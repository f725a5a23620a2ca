package org.carebook.web;

/**
 * Named token buckets of one limit (a key's requests per second, an address's failed attempts per minute):
 * kept in the database for every process ({@link SharedBuckets}), or in this process alone ({@link Buckets}).
 */
interface TokenBuckets {

    /** Whether a request may go through, how many more may now, and otherwise how long until one may. */
    record Probe(boolean allowed, long remaining, long nanosToWait) {}

    long capacity();

    /** Takes one request from the bucket, if it has room. */
    Probe take(String name);

    /** Whether the bucket has room for one more, without taking it. */
    Probe peek(String name);

    /** Whole seconds until one more request, at least one. */
    static long secondsToWait(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
