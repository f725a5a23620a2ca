package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.carebook.availability.Slot;
import org.carebook.availability.SlotEngine;
import org.carebook.availability.SlotFilter;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Free times for one appointment type (docs/api.md §3), found fresh each time; the edges' cache is above it. */
@Service
public class Availability {

    static final int MAX_DAYS = 31;

    private final AppointmentTypes types;
    private final SlotFinder finder;
    private final Clock clock;
    private final StandbyAnswers standby;
    private final TransactionTemplate primary;

    Availability(
            AppointmentTypes types,
            SlotFinder finder,
            Clock clock,
            StandbyAnswers standby,
            PlatformTransactionManager transactions) {
        this.types = types;
        this.finder = finder;
        this.clock = clock;
        this.standby = standby;
        this.primary = new TransactionTemplate(transactions);
        this.primary.setReadOnly(true);
    }

    /**
     * The free times a query finds, with the moment they would change by time alone; adds the problems of the
     * range and the type to those the edge found reading the request, and refuses them all in one 422.
     */
    @Transactional(readOnly = true)
    public SlotEngine.Answer find(Caller caller, AvailabilityQuery query, Problems problems) {
        return findWithSubjects(caller, query, problems).answer();
    }

    /** As {@link #find}, with the clinicians and rooms whose bookings the answer depends on. */
    @Transactional(readOnly = true)
    SlotFinder.Found findWithSubjects(Caller caller, AvailabilityQuery query, Problems problems) {
        LocalDate from = query.from();
        LocalDate to = query.to();
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add("end_date", "must not be before start_date");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                problems.add("end_date", "the range may span at most " + MAX_DAYS + " days");
            }
        }
        AppointmentTypeView type = type(caller, query.appointmentTypeId(), problems);
        problems.throwIfAny();
        return finder.answer(
                caller.tenant(), type, query.filter(caller.isPublishable()), from, to, clock.instant(), true);
    }

    /**
     * The free times of a type between two dates (in the locations' own calendars), for screens that show
     * them rather than pass them on: never from the cache, so what staff pick from is as fresh as it gets.
     */
    @Transactional(readOnly = true)
    public List<Slot> freeTimes(
            Caller caller,
            String appointmentTypeId,
            String clinicianId,
            String locationId,
            LocalDate from,
            LocalDate to) {
        var filter = new SlotFilter(clinicianId, locationId, null, null, caller.isPublishable());
        return finder.find(
                caller.tenant(), types.get(caller, appointmentTypeId), filter, from, to, clock.instant(), true);
    }

    /** A slot of a type's grid, and whether it is free or what takes it. */
    public record GridSlot(Slot slot, SlotState state) {

        public boolean free() {
            return state == SlotState.FREE;
        }
    }

    /**
     * Every slot of a type's grid between two dates (in the locations' own calendars), free or taken (by a booking
     * or hold, tentatively, or by time off); notice and horizon still remove slots. What FHIR's Slot resources
     * show: a taken slot keeps its place (and so its id) and says what took it. Never from the cache; from a standby
     * when it has caught up (ADR 0014).
     */
    public List<GridSlot> grid(
            Caller caller, AppointmentTypeView type, SlotFilter filter, LocalDate from, LocalDate to) {
        return standby.compute(caller.tenant(), () -> gridOf(caller, type, filter, from, to), Grid::subjects)
                .map(onStandby -> onStandby.value().slots())
                .orElseGet(() -> primary.execute(status -> gridOf(caller, type, filter, from, to))
                        .slots());
    }

    /** The grid and the clinicians and rooms whose bookings decided which of its slots are free. */
    private record Grid(List<GridSlot> slots, Set<String> subjects) {}

    /** Both reads in one transaction, so that a slot is free or taken by one view of the database. */
    private Grid gridOf(Caller caller, AppointmentTypeView type, SlotFilter filter, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        var free = finder.answer(caller.tenant(), type, filter, from, to, now, true);
        var freeSlots = new HashMap<Slot, Slot>(); // a free slot by itself without places, which the grid's lack
        free.answer().slots().forEach(slot -> freeSlots.put(slot.withSeats(null), slot));
        var grid = finder.grid(caller.tenant(), type, filter, from, to, now);
        var slots = grid.slots().stream()
                .map(slot -> freeSlots.containsKey(slot)
                        ? new GridSlot(freeSlots.get(slot), SlotState.FREE)
                        : new GridSlot(slot, grid.stateOf(slot)))
                .toList();
        return new Grid(slots, free.bookedSubjects());
    }

    private AppointmentTypeView type(Caller caller, String id, Problems issues) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return types.get(caller, id);
        } catch (CarebookException e) {
            if (e.status() != 404) {
                throw e;
            }
            issues.add("appointmentTypeId", "does not name an appointment type");
            return null;
        }
    }
}
