package org.carebook.waitlist;

import java.time.Instant;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.OfferHolds;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What becomes of an offer, each under the offer's row lock so that one answer wins: accepted (the held time is
 * booked, once, however many times the patient presses), or declined, lapsed or withdrawn (the time is released
 * and freed again for the next entry in line, and the entry goes back in line if it is still live).
 */
@Component
class OfferAnswers {

    private final WaitlistRepository repository;
    private final OfferHolds holds;
    private final EventLog events;
    private final ApplicationEventPublisher publisher;

    OfferAnswers(
            WaitlistRepository repository, OfferHolds holds, EventLog events, ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.holds = holds;
        this.events = events;
        this.publisher = publisher;
    }

    /** Another freed time for the worker, as soon as this transaction commits. */
    record Reopened() {}

    /** Books the held time for the entry's patient; accepting an accepted offer answers its appointment again. */
    WaitlistEntry accept(Caller patient, String offerId, Instant now) {
        var offer = locked(offerId);
        var entry = repository.find(patient.tenant(), offer.entryId(), true).orElseThrow(OfferAnswers::gone);
        if (offer.status() == OfferStatus.ACCEPTED) {
            return entry;
        }
        if (!offer.isOpen(now) || entry.status() != EntryStatus.OFFERED) {
            throw gone();
        }
        AppointmentView booked = holds.book(patient, offer.holdId(), entry.patientId());
        repository.decide(offer.id(), OfferStatus.ACCEPTED, now);
        var done = entry.booked(booked.id(), now);
        repository.save(done);
        events.record(new WaitlistEvent.Booked(patient.tenant(), Actor.of(patient), done.view(null)));
        return done;
    }

    /** The patient said no to this time: it goes to the next in line, and they wait for another. */
    void decline(Caller patient, String offerId, Instant now) {
        var offer = locked(offerId);
        if (offer.isOpen()) {
            letGo(offer, OfferStatus.DECLINED, now);
        }
    }

    /** Nobody answered in time. */
    void lapse(Offer offer, Instant now) {
        letGo(offer, OfferStatus.LAPSED, now);
    }

    /** The entry leaves the line (removed or expired) while an offer is open: its time is let go as if declined. */
    void withdraw(WaitlistEntry entry, Instant now) {
        repository.openOfferOf(entry.id()).ifPresent(open -> {
            repository.decide(open.id(), OfferStatus.DECLINED, now);
            release(entry, open, now);
        });
    }

    private void letGo(Offer offer, OfferStatus how, Instant now) {
        repository.decide(offer.id(), how, now);
        var entry = repository.findById(offer.entryId()).orElseThrow();
        if (entry.status() == EntryStatus.OFFERED) {
            repository.save(entry.backInLine(now));
        }
        release(entry, offer, now);
    }

    private void release(WaitlistEntry entry, Offer offer, Instant now) {
        holds.release(entry.tenant(), offer.holdId());
        repository.opened(entry.tenant(), offer.clinicianId(), offer.start(), offer.end(), now);
        publisher.publishEvent(new Reopened());
    }

    private Offer locked(String offerId) {
        return repository.findOffer(offerId, true).orElseThrow(OfferAnswers::gone);
    }

    static CarebookException gone() {
        return new CarebookException(
                404,
                "NOT_FOUND",
                "offer_expired",
                "This time is no longer held for you: the offer was answered or ran out.",
                java.util.List.of());
    }
}
