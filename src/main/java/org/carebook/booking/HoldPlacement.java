package org.carebook.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carebook.availability.Slot;
import org.carebook.availability.SlotEngine;
import org.carebook.availability.SlotFilter;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.LocationView;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/**
 * Decides what a hold request holds: the slot availability offers at that time, with the clinician named or,
 * without one, the fairest free clinician; then has it claimed.
 */
@Component
class HoldPlacement {

    private final BookingReferences references;
    private final SlotFinder finder;
    private final ClinicianLoad load;
    private final HoldClaims claims;

    HoldPlacement(BookingReferences references, SlotFinder finder, ClinicianLoad load, HoldClaims claims) {
        this.references = references;
        this.finder = finder;
        this.load = load;
        this.claims = claims;
    }

    HoldView place(Caller caller, PlaceHold command, Problems problems, Instant now) {
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
        claims.makeRoom(caller, now);
        return claims.tryHold(caller, type, slot, now).orElseThrow(BlockingIntervals.SLOT_TAKEN);
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
        claims.makeRoom(caller, now);
        for (Slot slot : load.fairestFirst(free, now)) {
            var hold = claims.tryHold(caller, type, slot, now);
            if (hold.isPresent()) {
                return hold.get();
            }
        }
        throw BlockingIntervals.SLOT_TAKEN.get();
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

    private static CarebookException unavailable(String message) {
        return CarebookException.validation("slot_unavailable", message, List.of(FieldIssue.at("startTime", message)));
    }
}
