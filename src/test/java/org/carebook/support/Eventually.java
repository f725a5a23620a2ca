package org.carebook.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for work the server does in the background (deliveries, messages, expiries) to show in what the API
 * lists: a condition asked again, never a fixed sleep.
 */
public final class Eventually {

    private Eventually() {}

    /** The first item of {@code list} that meets {@code condition}, asked again every 100 ms for up to {@code wait}. */
    public static <T> T first(Supplier<List<T>> list, Predicate<T> condition, Duration wait, String what)
            throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            var found = list.get().stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " in " + list.get());
    }

    /** Returns once {@code condition} holds, asked every 100 ms; fails naming {@code what} after {@code wait}. */
    public static void until(java.util.function.BooleanSupplier condition, Duration wait, String what)
            throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still not " + what + " after " + wait);
            }
            Thread.sleep(100);
        }
    }
}
