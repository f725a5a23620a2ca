package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.carebook.availability.Slot;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds the server places for one patient, as the waitlist offers a freed time: kept under the same exclusion
 * constraints as every hold (and the patient's own, so a patient is never offered a time they are busy), booked
 * through the same core when the patient accepts, released when they decline or the offer lapses.
 */
@Service
public class OfferHolds {

    private final HoldClaims claims;
    private final HoldConfirmations confirmations;
    private final HoldRepository repository;
    private final GroupSeats seats;
    private final HoldLog log;
    private final Clock clock;

    OfferHolds(
            HoldClaims claims,
            HoldConfirmations confirmations,
            HoldRepository repository,
            GroupSeats seats,
            HoldLog log,
            Clock clock) {
        this.claims = claims;
        this.confirmations = confirmations;
        this.repository = repository;
        this.seats = seats;
        this.log = log;
        this.clock = clock;
    }

    /** The slot held for the patient until {@code expires}; empty when the database finds it taken meanwhile. */
    @Transactional
    public Optional<HoldView> holdFor(
            Tenant tenant, AppointmentTypeView type, Slot slot, String patientId, Instant expires) {
        return claims.tryHoldFor(tenant, type, slot, patientId, expires, clock.instant());
    }

    /** Books the held time for the patient it was held for; a second accept finds the first's appointment. */
    @Transactional
    public AppointmentView book(Caller caller, String holdId, String patientId) {
        return confirmations.confirmFor(caller, holdId, patientId, clock.instant());
    }

    /** Lets the held time go, unless it was booked or had already gone. */
    @Transactional
    public void release(Tenant tenant, String holdId) {
        Instant now = clock.instant();
        repository
                .find(tenant, holdId, true)
                .filter(h -> h.status(now) == HoldStatus.ACTIVE)
                .ifPresent(hold -> {
                    seats.release(tenant, holdId, now);
                    repository.markReleased(holdId, now);
                    log.record(new HoldEvent.Released(
                            tenant,
                            Actor.SYSTEM,
                            repository.find(tenant, holdId, false).orElseThrow().view(now)));
                });
    }
}
