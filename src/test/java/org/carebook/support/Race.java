package org.carebook.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs N real requests at once: every thread waits at a gate, then all are released together. */
public final class Race {

    private Race() {}

    public static <T> List<T> run(int clients, IntFunction<T> request) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var gate = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                futures.add(pool.submit(() -> {
                    gate.await();
                    return request.apply(client);
                }));
            }
            gate.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("a racing request failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
