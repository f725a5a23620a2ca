package org.carebook.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for work the server does in the background (deliveries, messages) to show in what the API lists. */
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
}
