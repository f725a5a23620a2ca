package org.carebook.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One kind of leased work: each round claims a batch in its own short transaction, handles every claimed item
 * outside any transaction (at most {@code parallelism} at once), and goes on while batches come back full. The
 * handler records each outcome itself; an item whose handler never returns is claimed again after the lease.
 *
 * @param <T> a claimed row with what handling it needs
 */
public final class LeasedWork<T> implements AutoCloseable {

    /** Claims up to {@code batch} due items, leased until {@code leaseUntil}; runs inside a transaction. */
    @FunctionalInterface
    public interface Claims<T> {
        List<T> claim(Instant now, Instant leaseUntil, int batch);
    }

    private static final Logger log = LoggerFactory.getLogger(LeasedWork.class);

    private final Claims<T> claims;
    private final Consumer<T> handler;
    private final Duration lease;
    private final int batch;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService workers;

    public LeasedWork(
            String name,
            Claims<T> claims,
            Consumer<T> handler,
            Duration lease,
            int batch,
            int parallelism,
            TransactionTemplate transactions,
            Clock clock) {
        this.claims = claims;
        this.handler = handler;
        this.lease = lease;
        this.batch = batch;
        this.transactions = transactions;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(parallelism, runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Handles due items until a round claims fewer than a full batch. */
    public void drain() {
        while (round() == batch) {
            // a full batch means more may be due
        }
    }

    private int round() {
        Instant now = clock.instant();
        List<T> claimed = transactions.execute(status -> claims.claim(now, now.plus(lease), batch));
        var running = new ArrayList<Future<?>>();
        for (T item : claimed) {
            running.add(workers.submit(() -> handler.accept(item)));
        }
        for (var handling : running) {
            try {
                handling.get();
            } catch (ExecutionException e) {
                log.warn(
                        "Handling a claimed item failed unexpectedly; it is claimed again after its lease",
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return claimed.size();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
