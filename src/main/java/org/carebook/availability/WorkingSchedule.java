package org.carebook.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One schedule of one clinician, with what the engine needs of its clinician and location. Empty type
 * and payer sets mean every type and every payer; a date in {@code exceptions} replaces that weekday's
 * hours (an empty list: closed).
 */
public record WorkingSchedule(
        String id,
        String clinicianId,
        String clinicianName,
        boolean clinicianActive,
        String locationId,
        String locationName,
        boolean remote,
        ZoneId zone,
        Map<DayOfWeek, List<ClockBlock>> weeklyHours,
        Map<LocalDate, List<ClockBlock>> exceptions,
        LocalDate validFrom,
        LocalDate validUntil,
        Set<String> appointmentTypeIds,
        Set<String> acceptedPayers,
        boolean active) {

    public WorkingSchedule {
        weeklyHours = Map.copyOf(weeklyHours);
        exceptions = Map.copyOf(exceptions);
        appointmentTypeIds = Set.copyOf(appointmentTypeIds);
        acceptedPayers = Set.copyOf(acceptedPayers);
    }

    /** The hours, in the schedule's own clock, it works on a date (none outside its validity). */
    public List<ClockBlock> hoursOn(LocalDate date) {
        if ((validFrom != null && date.isBefore(validFrom)) || (validUntil != null && date.isAfter(validUntil))) {
            return List.of();
        }
        var exception = exceptions.get(date);
        return exception != null ? exception : weeklyHours.getOrDefault(date.getDayOfWeek(), List.of());
    }

    boolean offers(String typeId) {
        return appointmentTypeIds.isEmpty() || appointmentTypeIds.contains(typeId);
    }

    boolean accepts(String payer) {
        return acceptedPayers.isEmpty() || acceptedPayers.stream().anyMatch(p -> p.equalsIgnoreCase(payer.strip()));
    }
}
