package org.carebook.booking;

import java.time.Instant;
import java.util.Optional;
import org.carebook.availability.Slot;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Claims a slot's time for a new hold under the database's guards, and keeps browsers and manage links to the
 * holds they may have at once.
 */
@Component
class HoldClaims {

    static final int MAX_ACTIVE_PER_BROWSER = 3;

    private final HoldRepository repository;
    private final BlockingIntervals intervals;
    private final SlotFinder finder;
    private final Organizations organizations;
    private final HoldLog log;
    private final GroupSeats seats;

    HoldClaims(
            HoldRepository repository,
            BlockingIntervals intervals,
            SlotFinder finder,
            Organizations organizations,
            HoldLog log,
            GroupSeats seats) {
        this.seats = seats;
        this.repository = repository;
        this.intervals = intervals;
        this.finder = finder;
        this.organizations = organizations;
        this.log = log;
    }

    /**
     * The hold, unless the database found the clinician (or every room) taken meanwhile. In a class, the hold takes
     * a seat of the session at that time for as long as it lasts.
     */
    Optional<HoldView> tryHold(Caller caller, AppointmentTypeView type, Slot slot, Instant now) {
        var tenant = caller.tenant();
        Instant expires = now.plus(organizations.settings(tenant).holdTtl());
        return claim(tenant, type, slot, null, expires, now).map(held -> {
            var hold = HoldRepository.Row.active(
                    held.id(), tenant, type.id(), slot, held.roomId(), expires, caller.isPublishable(), now);
            repository.insert(hold, caller.ip(), caller.isPatient() ? caller.keyId() : null);
            return log.record(new HoldEvent.Placed(tenant, Actor.of(caller), hold.view(now)));
        });
    }

    /**
     * A hold the server places for one patient (a waitlist offer) until {@code expires}: their own time is in the
     * claim, so the database refuses it where they already have an appointment.
     */
    Optional<HoldView> tryHoldFor(
            Tenant tenant, AppointmentTypeView type, Slot slot, String patientId, Instant expires, Instant now) {
        return claim(tenant, type, slot, patientId, expires, now).map(held -> {
            var hold =
                    HoldRepository.Row.active(held.id(), tenant, type.id(), slot, held.roomId(), expires, false, now);
            repository.insert(hold, null, null);
            return log.record(new HoldEvent.Placed(tenant, Actor.SYSTEM, hold.view(now)));
        });
    }

    private record Held(String id, String roomId) {}

    private Optional<Held> claim(
            Tenant tenant, AppointmentTypeView type, Slot slot, String patientId, Instant expires, Instant now) {
        String id = Ids.next("hold");
        var rooms = finder.rooms(type, slot);
        var at = new Placement(
                slot.clinicianId(), slot.locationId(), null, slot.remote(), slot.zone(), slot.start(), slot.end());
        Optional<Placement> placed = type.capacity() > 1
                ? seats.take(tenant, type, at, rooms, id, patientId, expires, now)
                        .map(GroupSession::placement)
                : intervals
                        .tryClaim(at.heldUntil(id, type, rooms, patientId, expires), now)
                        .map(claimed -> at.withRoom(claimed.roomId()));
        return placed.map(place -> new Held(id, place.roomId()));
    }

    /** Before a new hold: a manage link's previous hold goes, and a browser may not hold more than a few. */
    void makeRoom(Caller caller, Instant now) {
        letThePreviousHoldOfTheLinkGo(caller, now);
        limitPerBrowser(caller, now);
    }

    /**
     * A manage link holds one time at a time: the patient is choosing where to move one appointment, so a new
     * hold lets the one before go (the database's unique index holds the line if anything races past).
     */
    private void letThePreviousHoldOfTheLinkGo(Caller caller, Instant now) {
        if (!caller.isPatient()) {
            return;
        }
        for (var previous : repository.lockActiveOfLink(caller.tenant(), caller.keyId())) {
            seats.release(previous.tenant(), previous.id(), now);
            if (previous.status(now) == HoldStatus.ACTIVE) {
                repository.markReleased(previous.id(), now);
                var released = repository
                        .find(caller.tenant(), previous.id(), false)
                        .orElseThrow()
                        .view(now);
                log.record(new HoldEvent.Released(previous.tenant(), Actor.of(caller), released));
            } else {
                repository.markExpired(previous.id(), now);
                log.record(new HoldEvent.Expired(previous.tenant(), Actor.SYSTEM, previous.view(now)));
            }
        }
    }

    /** A browser's key is held by anyone: each browser may hold only a few times at once. */
    private void limitPerBrowser(Caller caller, Instant now) {
        if ((caller.isPublishable() || caller.isPatient())
                && repository.lockAndCountActiveFromClient(caller.tenant(), caller.ip(), now)
                        >= MAX_ACTIVE_PER_BROWSER) {
            throw CarebookException.rateLimited(
                    "too_many_holds",
                    "This browser already holds " + MAX_ACTIVE_PER_BROWSER + " times; confirm or release one first.");
        }
    }
}
