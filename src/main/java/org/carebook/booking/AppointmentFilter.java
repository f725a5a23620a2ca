package org.carebook.booking;

import java.time.LocalDate;
import java.util.List;

/**
 * Which appointments to list; any part may be null. Dates are read in each appointment's own zone;
 * {@code statuses} are wire names; an external id is a system and a value.
 */
public record AppointmentFilter(
        LocalDate startDate,
        LocalDate endDate,
        String clinicianId,
        String locationId,
        String patientId,
        List<String> statuses,
        String externalSystem,
        String externalValue) {}
