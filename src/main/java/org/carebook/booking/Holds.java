package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hold-and-confirm (docs/api.md §4): a slot kept for one visitor while they type, then turned into an appointment. */
@Service
public class Holds {

    static final int SWEEP_BATCH = 500;

    private final HoldRepository repository;
    private final GroupSeats seats;
    private final HoldPlacement placement;
    private final HoldConfirmations confirmations;
    private final HoldLog log;
    private final Clock clock;

    Holds(
            HoldRepository repository,
            GroupSeats seats,
            HoldPlacement placement,
            HoldConfirmations confirmations,
            HoldLog log,
            Clock clock) {
        this.repository = repository;
        this.seats = seats;
        this.placement = placement;
        this.confirmations = confirmations;
        this.log = log;
        this.clock = clock;
    }

    /** Whether confirming made the appointment now or found the one an earlier confirm made. */
    public sealed interface Confirmation {
        AppointmentView appointment();

        record Booked(AppointmentView appointment) implements Confirmation {}

        record AlreadyBooked(AppointmentView appointment) implements Confirmation {}
    }

    /** Places a hold; {@code problems} holds what reading the request found, and the 422 names them all. */
    @Transactional
    public HoldView place(Caller caller, PlaceHold command, Problems problems) {
        return placement.place(caller, command, problems, clock.instant());
    }

    @Transactional(readOnly = true)
    public HoldView get(Caller caller, String id) {
        return row(caller, id, false).view(clock.instant());
    }

    @Transactional
    public HoldView release(Caller caller, String id) {
        Instant now = clock.instant();
        var hold = row(caller, id, true);
        return switch (hold.status(now)) {
            case CONFIRMED ->
                throw CarebookException.invalidState("A confirmed hold cannot be released; cancel the appointment.");
            case ACTIVE -> {
                seats.release(hold.tenant(), id, now);
                repository.markReleased(id, now);
                yield log.record(new HoldEvent.Released(
                        hold.tenant(), Actor.of(caller), row(caller, id, false).view(now)));
            }
            default -> hold.view(now);
        };
    }

    /** The holds active now at a location between two instants: times someone is about to book. */
    @Transactional(readOnly = true)
    public List<HoldView> activeAt(Caller caller, String locationId, Instant from, Instant to) {
        Instant now = clock.instant();
        return repository.activeAt(caller.tenant(), locationId, from, to, now).stream()
                .map(hold -> hold.view(now))
                .toList();
    }

    /** Books the held time for a patient; a second confirm of the same hold answers with the first's appointment. */
    @Transactional
    public Confirmation confirm(Caller caller, String id, ConfirmHold command, Problems problems) {
        return confirmations.confirm(caller, id, command, problems, clock.instant());
    }

    /** Marks expired holds and reports them; correctness never waits for this, it only tidies up. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        var expired = repository.markExpired(now, SWEEP_BATCH);
        expired.forEach(hold -> log.record(new HoldEvent.Expired(hold.tenant(), Actor.SYSTEM, hold.view(now))));
        seats.sweep(now);
        return expired.size();
    }

    private HoldRepository.Row row(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such hold."));
    }
}
