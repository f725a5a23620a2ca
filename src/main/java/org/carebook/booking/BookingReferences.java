package org.carebook.booking;

import java.util.function.Supplier;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/**
 * The catalogue objects a booking names. An id that is unknown, or belongs to another organization or
 * mode, is a problem with the field that names it (a 422), not a 404 (docs/api.md §0, Ids).
 */
@Component
class BookingReferences {

    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final Schedules schedules;

    BookingReferences(AppointmentTypes types, Clinicians clinicians, Locations locations, Schedules schedules) {
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.schedules = schedules;
    }

    AppointmentTypeView type(Caller caller, String id, Problems problems) {
        return lookup(problems, "appointmentTypeId", id, () -> types.get(caller, id));
    }

    ClinicianView clinician(Tenant tenant, String id, Problems problems) {
        return lookup(problems, "clinicianId", id, () -> clinicians.get(tenant, id));
    }

    LocationView location(Tenant tenant, String id, Problems problems) {
        return lookup(problems, "locationId", id, () -> locations.get(tenant, id));
    }

    ScheduleView schedule(Tenant tenant, String id, Problems problems) {
        return lookup(problems, "scheduleId", id, () -> schedules.get(tenant, id));
    }

    /** A named room must be an active room of the location; without a location no room can be named. */
    static void checkRoom(LocationView location, String roomId, Problems problems) {
        if (roomId != null
                && (location == null
                        || location.rooms().stream().noneMatch(r -> r.id().equals(roomId) && r.isActive()))) {
            problems.add("roomId", "does not name an active room of the location");
        }
    }

    /** Objects the booking already holds by id, for the calendar file and for moves. */
    AppointmentTypeView type(Caller caller, String id) {
        return types.get(caller, id);
    }

    ClinicianView clinician(Tenant tenant, String id) {
        return clinicians.get(tenant, id);
    }

    LocationView location(Tenant tenant, String id) {
        return id == null ? null : locations.get(tenant, id);
    }

    ScheduleView schedule(Tenant tenant, String id) {
        return schedules.get(tenant, id);
    }

    private static <T> T lookup(Problems problems, String field, String id, Supplier<T> find) {
        if (id == null) {
            return null;
        }
        try {
            return find.get();
        } catch (CarebookException e) {
            if (e.status() != 404) {
                throw e;
            }
            problems.add(field, "does not name an existing object");
            return null;
        }
    }
}
