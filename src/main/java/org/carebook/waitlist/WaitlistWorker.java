package org.carebook.waitlist;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.carebook.booking.TimeFreed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns freed time into offers. Time a booking gives up is written down as an opening in that booking's own
 * transaction, and the worker is woken once it commits; it also polls, for lapsed offers, entries past their last
 * day, and openings written by the database's triggers or another process. Each opening is taken and offered in
 * one transaction, so a crash leaves it to be taken again; several processes share the work (SKIP LOCKED).
 */
@Component
class WaitlistWorker implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WaitlistWorker.class);
    static final int BATCH = 100;

    private final WaitlistRepository repository;
    private final OpeningMatcher matcher;
    private final OfferAnswers answers;
    private final Waitlist waitlist;
    private final TransactionTemplate transactions;
    private final WaitlistSettings settings;
    private final Clock clock;
    private final ExecutorService woken = Executors.newSingleThreadExecutor(r -> new Thread(r, "waitlist"));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    WaitlistWorker(
            WaitlistRepository repository,
            OpeningMatcher matcher,
            OfferAnswers answers,
            Waitlist waitlist,
            TransactionTemplate transactions,
            WaitlistSettings settings,
            Clock clock) {
        this.repository = repository;
        this.matcher = matcher;
        this.answers = answers;
        this.waitlist = waitlist;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.waitlistPoll().isZero()) {
            registrar.addFixedDelayTask(this::work, settings.waitlistPoll());
        }
    }

    /** In the freeing transaction: the time is waiting to be offered exactly when the booking's change commits. */
    @EventListener
    void freed(TimeFreed freed) {
        repository.opened(freed.tenant(), freed.clinicianId(), freed.start(), freed.end(), clock.instant());
    }

    @TransactionalEventListener
    void wake(TimeFreed freed) {
        soon();
    }

    @TransactionalEventListener
    void wake(OfferAnswers.Reopened reopened) {
        soon();
    }

    /** One run after the current one at most, however many commits wake it meanwhile. */
    private void soon() {
        if (wakeQueued.compareAndSet(false, true)) {
            woken.execute(() -> {
                wakeQueued.set(false);
                work();
            });
        }
    }

    /** Lapses offers not answered in time, expires entries past their last day, then offers every opening. */
    synchronized void work() {
        try {
            while (transactions.execute(status -> lapseSome()) == BATCH) {
                // more may be waiting
            }
            while (waitlist.expire(BATCH) == BATCH) {
                // likewise
            }
            while (Boolean.TRUE.equals(transactions.execute(status -> offerOne()))) {
                // the next opening
            }
        } catch (RuntimeException e) {
            log.warn("The waitlist could not offer freed time this round; it tries again: {}", e.toString());
        }
    }

    private int lapseSome() {
        var now = clock.instant();
        var lapsed = repository.lapsed(now, BATCH);
        lapsed.forEach(offer -> answers.lapse(offer, now));
        return lapsed.size();
    }

    private boolean offerOne() {
        return repository.takeOpening().map(matcher::offer).isPresent();
    }

    @Override
    public void destroy() {
        woken.shutdownNow();
    }
}
