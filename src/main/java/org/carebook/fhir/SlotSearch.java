package org.carebook.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.carebook.availability.SlotFilter;
import org.carebook.booking.Availability;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Derives Slots from availability: every slot of each asked type's grid in a window, free or busy, narrowed to a
 * schedule, a clinician or a location. Shared by Slot search and read, {@code $find} and published slots.
 */
@Component
class SlotSearch {

    static final Duration MAX_WINDOW = Duration.ofDays(31);
    private static final int MAX_TYPES = 100;

    private final Availability availability;
    private final AppointmentTypes types;
    private final Schedules schedules;
    private final SlotReferences references;

    SlotSearch(Availability availability, AppointmentTypes types, Schedules schedules, SlotReferences references) {
        this.availability = availability;
        this.types = types;
        this.schedules = schedules;
        this.references = references;
    }

    /** The organization's appointment types by id, for naming services. */
    java.util.Map<String, org.carebook.catalog.AppointmentTypeView> types(Caller caller) {
        return Pages.typesById(types, caller);
    }

    /** A booked appointment as FHIR shows it, naming the slot it fills. */
    org.hl7.fhir.r4.model.Appointment appointment(
            org.carebook.kernel.Tenant tenant, org.carebook.booking.AppointmentView view) {
        return references.appointment(tenant, view);
    }

    /** What to derive: any part but the window may be null (then it does not narrow). */
    record Criteria(
            String scheduleId,
            String clinicianId,
            String locationId,
            String appointmentTypeId,
            Instant from,
            Instant until) {

        Criteria {
            if (from == null) {
                throw FhirQuery.invalid("start", "needs a lower bound, such as start=ge2027-03-15");
            }
            if (until == null) {
                until = from.plus(Duration.ofDays(7));
            }
            if (!until.isAfter(from)) {
                throw FhirQuery.invalid("start", "the window is empty");
            }
            if (Duration.between(from, until).compareTo(MAX_WINDOW) > 0) {
                throw FhirQuery.invalid("start", "the window may span at most 31 days");
            }
        }
    }

    /** The grid's slots in the window, ordered by start, then schedule, then type. */
    List<Availability.GridSlot> slots(Caller caller, Criteria criteria) {
        try {
            return derive(caller, criteria);
        } catch (CarebookException e) {
            if (e.status() == 404) {
                return List.of(); // a schedule or type that is not there has no slots
            }
            throw e;
        }
    }

    private List<Availability.GridSlot> derive(Caller caller, Criteria criteria) {
        ScheduleView schedule =
                criteria.scheduleId() == null ? null : schedules.get(caller.tenant(), criteria.scheduleId());
        var filter = schedule == null
                ? new SlotFilter(criteria.clinicianId(), criteria.locationId(), null, null, caller.isPublishable())
                : new SlotFilter(
                        schedule.clinicianId(),
                        schedule.locationId(),
                        schedule.isRemote(),
                        null,
                        caller.isPublishable());
        // The engine reads dates in each location's calendar; a day either side covers every zone.
        LocalDate fromDate =
                LocalDate.ofInstant(criteria.from(), ZoneOffset.UTC).minusDays(1);
        LocalDate toDate = LocalDate.ofInstant(criteria.until(), ZoneOffset.UTC).plusDays(1);
        var found = new ArrayList<Availability.GridSlot>();
        for (AppointmentTypeView type : typesFor(caller, criteria, filter)) {
            availability.grid(caller, type, filter, fromDate, toDate).stream()
                    .filter(g -> !g.slot().start().isBefore(criteria.from())
                            && g.slot().start().isBefore(criteria.until()))
                    .filter(g ->
                            schedule == null || schedule.id().equals(g.slot().scheduleId()))
                    .forEach(found::add);
        }
        found.sort(Comparator.comparing((Availability.GridSlot g) -> g.slot().start())
                .thenComparing(g -> g.slot().scheduleId())
                .thenComparing(g -> g.slot().appointmentTypeId()));
        return found;
    }

    /** The slot an id names, free or busy, if the grid still has it. */
    Optional<Availability.GridSlot> slot(Caller caller, SlotId id) {
        var criteria = new Criteria(
                id.scheduleId(),
                null,
                null,
                id.appointmentTypeId(),
                id.start(),
                id.start().plusSeconds(1));
        return slots(caller, criteria).stream().findFirst();
    }

    private List<AppointmentTypeView> typesFor(Caller caller, Criteria criteria, SlotFilter filter) {
        if (criteria.appointmentTypeId() != null) {
            return List.of(types.get(caller, criteria.appointmentTypeId()));
        }
        return types.list(caller, true, null, filter.clinicianId(), PageRequest.of(String.valueOf(MAX_TYPES), null))
                .data();
    }
}
