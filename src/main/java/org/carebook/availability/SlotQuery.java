package org.carebook.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine reads. {@code clinicianBusy} holds, per clinician, the blocking intervals of
 * rule 4 (appointments and active holds already widened by their own buffers, and time off);
 * {@code roomsByLocation} holds the active rooms of each location with their busy intervals. Dates are
 * local dates, read in each schedule's own zone.
 */
public record SlotQuery(
        AppointmentRules type,
        List<WorkingSchedule> schedules,
        Map<String, List<Interval>> clinicianBusy,
        Map<String, List<RoomBusy>> roomsByLocation,
        LocalDate from,
        LocalDate to,
        Instant now,
        SlotFilter filter) {

    public SlotQuery {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range must not end before it starts");
        }
    }
}
