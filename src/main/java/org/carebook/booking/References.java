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
import org.carebook.kernel.JsonFields;
import org.carebook.kernel.Tenant;

/**
 * Looks up the catalogue objects a booking body names. An id that is unknown, or belongs to another
 * organization or mode, becomes a 422 naming the field rather than a 404 (API.md §0, Ids).
 */
final class References {

    private References() {
    }

    static AppointmentTypeView type(AppointmentTypes types, Caller caller, JsonFields body, String id) {
        return lookup(body, "appointment_type_id", id, () -> types.get(caller, id));
    }

    static ClinicianView clinician(Clinicians clinicians, Tenant tenant, JsonFields body, String id) {
        return lookup(body, "clinician_id", id, () -> clinicians.get(tenant, id));
    }

    static LocationView location(Locations locations, Tenant tenant, JsonFields body, String id) {
        return lookup(body, "location_id", id, () -> locations.get(tenant, id));
    }

    static ScheduleView schedule(Schedules schedules, Tenant tenant, JsonFields body, String id) {
        return lookup(body, "schedule_id", id, () -> schedules.get(tenant, id));
    }

    /** A named room must be an active room of the location; without a location no room can be named. */
    static String room(JsonFields body, LocationView location, String roomId) {
        if (roomId != null && (location == null || location.rooms().stream()
                .noneMatch(r -> r.id().equals(roomId) && r.isActive()))) {
            body.issue("room_id", "does not name an active room of the location");
        }
        return roomId;
    }

    private static <T> T lookup(JsonFields body, String field, String id, Supplier<T> find) {
        if (id == null) {
            return null;
        }
        try {
            return find.get();
        } catch (CarebookException e) {
            if (e.status() != 404) {
                throw e;
            }
            body.issue(field, "does not name an existing object");
            return null;
        }
    }
}
