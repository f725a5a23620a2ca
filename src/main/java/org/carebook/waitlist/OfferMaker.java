package org.carebook.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.carebook.availability.Slot;
import org.carebook.booking.OfferHolds;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers one slot to one entry, under a savepoint: the entry is locked and must still be waiting, the time is held
 * for its patient under the database's guards, and the offer, the entry's new state and {@code
 * waitlist_entry.offered} are written together; anything refused leaves nothing behind.
 */
@Component
class OfferMaker {

    /** The least time a patient is given to answer, however soon the time is. */
    static final Duration SHORTEST = Duration.ofMinutes(5);

    private final WaitlistRepository repository;
    private final OfferHolds holds;
    private final EventLog events;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    OfferMaker(
            WaitlistRepository repository,
            OfferHolds holds,
            EventLog events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.holds = holds;
        this.events = events;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Whether the entry was offered the slot; not when it is no longer waiting or the time is taken meanwhile. */
    boolean tryOffer(WaitlistEntry entry, AppointmentTypeView type, Slot slot, Duration period) {
        return Boolean.TRUE.equals(savepoint.execute(status -> {
            try {
                return offer(entry, type, slot, period);
            } catch (CarebookException | DataAccessException refused) {
                status.setRollbackOnly(); // a seat gone, the patient busy, another offer made for the entry
                return false;
            }
        }));
    }

    private boolean offer(WaitlistEntry entry, AppointmentTypeView type, Slot slot, Duration period) {
        var waiting = repository.find(entry.tenant(), entry.id(), true).filter(e -> e.status() == EntryStatus.WAITING);
        if (waiting.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Instant expires = answerBy(now, slot.start(), period);
        var hold = holds.holdFor(entry.tenant(), type, slot, entry.patientId(), expires);
        if (hold.isEmpty()) {
            return false;
        }
        var offer = new Offer(
                Ids.next("wlo"),
                entry.id(),
                hold.get().id(),
                slot.clinicianId(),
                slot.locationId(),
                slot.zone(),
                slot.start(),
                slot.end(),
                OfferStatus.OPEN,
                expires,
                now);
        repository.insertOffer(offer);
        var offered = waiting.get().offered(now);
        repository.save(offered);
        events.record(new WaitlistEvent.Offered(entry.tenant(), Actor.SYSTEM, offered.view(offer.view())));
        return true;
    }

    /**
     * The organization's offer period, shorter when the time is sooner: at most half the time left before it
     * starts, so that someone else can still be offered it, but never less than {@link #SHORTEST}.
     */
    static Instant answerBy(Instant now, Instant start, Duration period) {
        Duration half = Duration.between(now, start).dividedBy(2);
        Duration given = period.compareTo(half) < 0 ? period : half;
        return now.plus(given.compareTo(SHORTEST) < 0 ? SHORTEST : given);
    }
}
