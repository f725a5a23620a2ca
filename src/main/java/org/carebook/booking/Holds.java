package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.carebook.availability.Interval;
import org.carebook.availability.Slot;
import org.carebook.availability.SlotEngine;
import org.carebook.availability.SlotFilter;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.LocationView;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hold-and-confirm (docs/api.md §4): a slot kept for one visitor while they type, then turned into an appointment. */
@Service
public class Holds {

    static final int MAX_ACTIVE_PER_BROWSER = 3;
    static final int SWEEP_BATCH = 500;

    private final HoldRepository repository;
    private final BlockingIntervals intervals;
    private final SlotFinder finder;
    private final ClinicianLoad load;
    private final BookingReferences references;
    private final BookingCore core;
    private final Organizations organizations;
    private final EventLog events;
    private final BookingMetrics metrics;
    private final Clock clock;

    Holds(
            HoldRepository repository,
            BlockingIntervals intervals,
            SlotFinder finder,
            ClinicianLoad load,
            BookingReferences references,
            BookingCore core,
            Organizations organizations,
            EventLog events,
            BookingMetrics metrics,
            Clock clock) {
        this.repository = repository;
        this.intervals = intervals;
        this.finder = finder;
        this.load = load;
        this.references = references;
        this.core = core;
        this.organizations = organizations;
        this.events = events;
        this.metrics = metrics;
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
        Instant now = clock.instant();
        var tenant = caller.tenant();
        var type = references.type(caller, command.appointmentTypeId(), problems);
        // A local time needs the location's zone; otherwise an offered slot proves the clinician and location
        // exist in this organization, and they are looked up only to name the field when something is wrong.
        boolean local = command.start() instanceof PlaceHold.Start.Local;
        var location = local || !problems.isEmpty() ? checkPlace(tenant, command, problems) : null;
        problems.throwIfAny();

        var filter = new SlotFilter(
                command.clinicianId(), command.locationId(), command.remote(), null, caller.isPublishable());
        Instant start = start(tenant, command, location);
        if (command.clinicianId() == null) {
            return holdAnyClinician(caller, type, filter, start, now);
        }
        var slot = finder.offered(tenant, type, filter, start, now).orElseThrow(() -> {
            checkPlace(tenant, command, problems);
            problems.throwIfAny();
            return unavailable("That time is not one availability offers for this appointment type.");
        });
        letThePreviousHoldOfTheLinkGo(caller, now);
        limitPerBrowser(caller, now);
        return hold(caller, type, slot, now);
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
                intervals.release(id);
                repository.markReleased(id, now);
                yield record(new HoldEvent.Released(
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
        Instant now = clock.instant();
        if (command.patient() instanceof PatientChoice.Existing && !caller.has(Scope.READ_PATIENTS)) {
            throw CarebookException.missingScope(Scope.READ_PATIENTS);
        }
        var hold = repository.find(caller.tenant(), id, true).orElseThrow(BookingCore::holdExpired);
        if (hold.status(now) == HoldStatus.CONFIRMED) {
            return new Confirmation.AlreadyBooked(core.bookedFrom(hold).orElseThrow());
        }
        var settings = organizations.settings(caller.tenant());
        var patient = core.check(caller, command.patient(), settings, problems);
        var details = command.details().checked(settings.country(), problems);
        problems.throwIfAny();
        if (hold.status(now) != HoldStatus.ACTIVE) {
            throw BookingCore.holdExpired();
        }
        if (details.insurance() != null) {
            requireAccepted(
                    references.schedule(caller.tenant(), hold.scheduleId()).acceptedInsurancePayers(),
                    details.insurance().payer());
        }
        String patientId = core.patientId(caller, patient);
        boolean overridden = core.checkLimit(caller, patientId, settings, command.overrideBookingLimit(), now);
        var appointment = core.bookHeldTime(caller, hold, patientId, details, overridden, now);
        repository.markConfirmed(id, appointment.id(), now);
        metrics.holds("confirmed", 1);
        return new Confirmation.Booked(appointment);
    }

    /** Marks expired holds and reports them; correctness never waits for this, it only tidies up. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        var expired = repository.markExpired(now, SWEEP_BATCH);
        expired.forEach(hold -> record(new HoldEvent.Expired(hold.tenant(), Actor.SYSTEM, hold.view(now))));
        intervals.deleteExpired(now);
        return expired.size();
    }

    /** Blocks the slot's time (and a room, when the type needs one) until the hold expires. */
    private HoldView hold(Caller caller, AppointmentTypeView type, Slot slot, Instant now) {
        return tryHold(caller, type, slot, now).orElseThrow(BlockingIntervals.SLOT_TAKEN);
    }

    /** The hold, unless the database found the clinician (or every room) taken meanwhile. */
    private Optional<HoldView> tryHold(Caller caller, AppointmentTypeView type, Slot slot, Instant now) {
        var tenant = caller.tenant();
        String id = Ids.next("hold");
        Instant expires = now.plus(organizations.settings(tenant).holdTtl());
        var claim = BlockingIntervals.Claim.of(
                id,
                type,
                slot.clinicianId(),
                new Interval(slot.start(), slot.end()),
                finder.rooms(type, slot),
                null,
                expires,
                true);
        return intervals.tryClaim(claim, now).map(claimed -> {
            var hold = HoldRepository.Row.active(
                    id, tenant, type.id(), slot, claimed.roomId(), expires, caller.isPublishable(), now);
            repository.insert(hold, caller.ip(), caller.isPatient() ? caller.keyId() : null);
            return record(new HoldEvent.Placed(tenant, Actor.of(caller), hold.view(now)));
        });
    }

    /**
     * A hold with any clinician free at that time: the one with the fewest bookings that day first, ties to
     * whoever was given one longest ago. Each is tried under the same database guards; losing a race to one
     * moves on to the next, so two visitors never share a clinician and nobody is refused while one is free.
     */
    private HoldView holdAnyClinician(
            Caller caller, AppointmentTypeView type, SlotFilter filter, Instant start, Instant now) {
        var tenant = caller.tenant();
        var free = finder.freeAt(tenant, type, filter, start, now);
        if (free.isEmpty()) {
            throw finder.offered(tenant, type, filter, start, now).isPresent()
                    ? BlockingIntervals.SLOT_TAKEN.get()
                    : unavailable("That time is not one availability offers for this appointment type.");
        }
        letThePreviousHoldOfTheLinkGo(caller, now);
        limitPerBrowser(caller, now);
        for (Slot slot : load.fairestFirst(free, now)) {
            var hold = tryHold(caller, type, slot, now);
            if (hold.isPresent()) {
                return hold.get();
            }
        }
        throw BlockingIntervals.SLOT_TAKEN.get();
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
            intervals.release(previous.id());
            if (previous.status(now) == HoldStatus.ACTIVE) {
                repository.markReleased(previous.id(), now);
                record(new HoldEvent.Released(
                        previous.tenant(),
                        Actor.of(caller),
                        row(caller, previous.id(), false).view(now)));
            } else {
                repository.markExpired(previous.id(), now);
                record(new HoldEvent.Expired(previous.tenant(), Actor.SYSTEM, previous.view(now)));
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

    /** The instant asked for: a local time is the first occurrence in the slot's zone; a time the clock skips is no slot. */
    private Instant start(Tenant tenant, PlaceHold command, LocationView location) {
        if (command.start() instanceof PlaceHold.Start.At at) {
            return at.instant();
        }
        var local = (PlaceHold.Start.Local) command.start();
        ZoneId zone = location != null
                ? ZoneId.of(location.timezone())
                : finder.remoteZone(tenant, command.clinicianId(), local.date())
                        .orElseThrow(() -> unavailable("The clinician has no remote hours that day."));
        return SlotEngine.resolve(local.date(), local.time(), zone)
                .orElseThrow(() -> unavailable("That local time does not exist on that date (the clocks change)."));
    }

    /** Names the field of a clinician or location that is not this organization's; returns the location. */
    private LocationView checkPlace(Tenant tenant, PlaceHold command, Problems problems) {
        if (command.clinicianId() != null) {
            references.clinician(tenant, command.clinicianId(), problems);
        }
        return references.location(tenant, command.locationId(), problems);
    }

    /** An empty list of accepted payers takes every payer and self-pay. */
    private static void requireAccepted(List<String> accepted, String payer) {
        if (!accepted.isEmpty() && accepted.stream().noneMatch(p -> p.equalsIgnoreCase(payer.strip()))) {
            throw CarebookException.validation(
                    "insurance_not_accepted",
                    "This clinician's schedule does not take that insurance.",
                    List.of(new FieldIssue("insurance.payer", "is not accepted for this slot")));
        }
    }

    private static CarebookException unavailable(String message) {
        return CarebookException.validation(
                "slot_unavailable", message, List.of(new FieldIssue("start_time", message)));
    }

    private HoldRepository.Row row(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such hold."));
    }

    private HoldView record(HoldEvent event) {
        events.record(event);
        metrics.holds(outcome(event), 1);
        return event.hold();
    }

    private static String outcome(HoldEvent event) {
        if (event instanceof HoldEvent.Placed) {
            return "placed";
        }
        return event instanceof HoldEvent.Released ? "released" : "expired";
    }
}
