package org.carebook.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record ScheduleView(
        String id,
        String clinicianId,
        String locationId,
        boolean isRemote,
        String timezone,
        List<Hours> weeklyHours,
        LocalDate validFrom,
        LocalDate validUntil,
        List<String> appointmentTypeIds,
        List<String> acceptedInsurancePayers,
        boolean isActive,
        Instant createdAt,
        Instant updatedAt) {

    /** Other hours (or none: closed) on one date. */
    public record DateException(String scheduleId, LocalDate date, List<Hours> hours) {}
}
