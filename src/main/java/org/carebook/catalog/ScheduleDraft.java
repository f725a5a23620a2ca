package org.carebook.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Zones;

/** The writable fields of a schedule. */
public record ScheduleDraft(
        String clinicianId,
        String locationId,
        Boolean isRemote,
        String timezone,
        List<Hours> weeklyHours,
        LocalDate validFrom,
        LocalDate validUntil,
        List<String> appointmentTypeIds,
        List<String> acceptedInsurancePayers,
        Boolean isActive) {

    static final ScheduleDraft EMPTY =
            new ScheduleDraft(null, null, false, null, List.of(), null, null, List.of(), List.of(), true);

    /** A change of the weekly hours alone, as the console's week editor makes. */
    public static Change<ScheduleDraft> weeklyHoursChange(List<Hours> hours) {
        var values = new ScheduleDraft(null, null, null, null, hours, null, null, null, null, null);
        return new Change<>(values, Set.of("weeklyHours"));
    }

    /** A new schedule for a clinician at a location, with no hours yet, as the console starts one. */
    public static Change<ScheduleDraft> emptyAt(String clinicianId, String locationId) {
        return Change.whole(new ScheduleDraft(
                clinicianId, locationId, false, null, List.of(), null, null, List.of(), List.of(), true));
    }

    /** The rules of the draft alone; its references and time zone are settled by {@link Schedules}. */
    ScheduleDraft checked(Problems problems) {
        problems.requireText("clinicianId", clinicianId);
        problems.require("isRemote", isRemote);
        problems.require("isActive", isActive);
        Zones.check("timezone", timezone, problems);
        var hours = weeklyHours == null ? List.<Hours>of() : weeklyHours;
        Hours.rejectOverlaps(problems, "weeklyHours", hours);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add("validUntil", "must not be before valid_from");
        }
        if (locationId == null && !Boolean.TRUE.equals(isRemote)) {
            problems.add("locationId", "is required unless is_remote is true");
        }
        return new ScheduleDraft(
                clinicianId,
                locationId,
                isRemote,
                timezone,
                hours,
                validFrom,
                validUntil,
                appointmentTypeIds == null ? List.of() : appointmentTypeIds,
                acceptedInsurancePayers == null ? List.of() : acceptedInsurancePayers,
                isActive);
    }

    ScheduleDraft withTimezone(String zone) {
        return new ScheduleDraft(
                clinicianId,
                locationId,
                isRemote,
                zone,
                weeklyHours,
                validFrom,
                validUntil,
                appointmentTypeIds,
                acceptedInsurancePayers,
                isActive);
    }

    ScheduleDraft deactivated() {
        return new ScheduleDraft(
                clinicianId,
                locationId,
                isRemote,
                timezone,
                weeklyHours,
                validFrom,
                validUntil,
                appointmentTypeIds,
                acceptedInsurancePayers,
                false);
    }
}
