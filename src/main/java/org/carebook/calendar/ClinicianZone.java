package org.carebook.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.WorkingHours;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Component;

/**
 * The zone an external calendar's all-day and floating times are read in: the clinician's own zone, else that of
 * the first place they work, else UTC.
 */
@Component
class ClinicianZone {

    private final Clinicians clinicians;
    private final WorkingHours hours;
    private final Clock clock;

    ClinicianZone(Clinicians clinicians, WorkingHours hours, Clock clock) {
        this.clinicians = clinicians;
        this.hours = hours;
        this.clock = clock;
    }

    ZoneId of(Tenant tenant, String clinicianId) {
        String own = clinicians.get(tenant, clinicianId).timezone();
        if (own != null) {
            return ZoneId.of(own);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return hours.schedules(tenant, clinicianId, null, today, today.plusYears(1)).stream()
                .filter(schedule -> !schedule.remote())
                .map(schedule -> schedule.zone())
                .findFirst()
                .orElse(ZoneOffset.UTC);
    }
}
