package org.carebook.console;

import java.util.List;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.PageRequest;
import org.springframework.stereotype.Component;

/** The active locations, clinicians and types the console's pages choose from (a clinic has tens, not thousands). */
@Component
class Catalogue {

    private static final PageRequest FIRST_HUNDRED = PageRequest.of("100", null);

    private final Locations locations;
    private final Clinicians clinicians;
    private final AppointmentTypes types;

    Catalogue(Locations locations, Clinicians clinicians, AppointmentTypes types) {
        this.locations = locations;
        this.clinicians = clinicians;
        this.types = types;
    }

    List<LocationView> locations(Caller caller) {
        return locations.list(caller.tenant(), true, FIRST_HUNDRED).data();
    }

    /** The named location, or the first active one when none is named. */
    LocationView location(Caller caller, String id) {
        if (id != null && !id.isBlank()) {
            return locations.get(caller.tenant(), id);
        }
        return locations(caller).stream()
                .findFirst()
                .orElseThrow(() -> CarebookException.notFound("This organization has no locations yet."));
    }

    List<ClinicianView> clinicians(Caller caller, String locationId) {
        return clinicians.list(caller.tenant(), locationId, true, FIRST_HUNDRED).data();
    }

    ClinicianView clinician(Caller caller, String id) {
        return clinicians.get(caller.tenant(), id);
    }

    List<AppointmentTypeView> types(Caller caller) {
        return types.list(caller, true, null, null, FIRST_HUNDRED).data();
    }

    AppointmentTypeView type(Caller caller, String id) {
        return types.get(caller, id);
    }

    static DayView.LocationChoice choice(LocationView location) {
        return new DayView.LocationChoice(location.id(), location.name());
    }
}
