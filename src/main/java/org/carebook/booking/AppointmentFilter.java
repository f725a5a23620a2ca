package org.carebook.booking;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which appointments to list; any part may be null. Dates are read in each appointment's own zone;
 * an external id is a system and a value.
 */
public record AppointmentFilter(
        LocalDate startDate,
        LocalDate endDate,
        String clinicianId,
        String locationId,
        String patientId,
        Set<AppointmentStatus> statuses,
        String externalSystem,
        String externalValue) {}
