package org.carebook.booking;

import java.time.LocalDate;
import org.carebook.availability.SlotFilter;

/**
 * Which free times to find (docs/api.md §3): a type, a range of dates in the locations' own calendars, and the
 * optional narrowing by clinician, location, mode and payer. A date the request could not give is null.
 */
public record AvailabilityQuery(
        String appointmentTypeId,
        LocalDate from,
        LocalDate to,
        String clinicianId,
        String locationId,
        Boolean remote,
        String insurancePayer) {

    SlotFilter filter(boolean publishable) {
        return new SlotFilter(clinicianId, locationId, remote, insurancePayer, publishable);
    }
}
