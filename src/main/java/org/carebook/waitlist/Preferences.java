package org.carebook.waitlist;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.carebook.availability.Slot;

/**
 * What times suit a waiting patient: a clinician and a location or any, the weekdays (none: every day), the parts
 * of the day (none: any time) and the last day. A time suits when it falls on one of the days, within one of the
 * parts of the day, in the clock of the place it is at.
 */
public record Preferences(
        String clinicianId, String locationId, Set<DayOfWeek> days, List<TimeOfDay> times, LocalDate until) {

    boolean suits(Slot slot) {
        ZonedDateTime start = slot.start().atZone(slot.zone());
        ZonedDateTime end = slot.end().atZone(slot.zone());
        return (clinicianId == null || clinicianId.equals(slot.clinicianId()))
                && (locationId == null || locationId.equals(slot.locationId()))
                && (days.isEmpty() || days.contains(start.getDayOfWeek()))
                && !start.toLocalDate().isAfter(until)
                && (times.isEmpty()
                        || (start.toLocalDate().equals(end.toLocalDate())
                                && times.stream().anyMatch(t -> t.holds(start.toLocalTime(), end.toLocalTime()))));
    }
}
