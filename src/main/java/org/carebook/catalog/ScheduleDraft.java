package org.carebook.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Zones;

/** The writable fields of a schedule. */
public record ScheduleDraft(
        String clinicianId,
        String locationId,
        Boolean remote,
        String timezone,
        List<Hours> weeklyHours,
        LocalDate validFrom,
        LocalDate validUntil,
        List<String> appointmentTypeIds,
        List<String> acceptedInsurancePayers,
        Boolean active) {

    static final ScheduleDraft EMPTY =
            new ScheduleDraft(null, null, false, null, List.of(), null, null, List.of(), List.of(), true);

    ScheduleDraft over(ScheduleDraft current, Predicate<String> given) {
        return new ScheduleDraft(
                given.test("clinician_id") ? clinicianId : current.clinicianId,
                given.test("location_id") ? locationId : current.locationId,
                given.test("is_remote") ? remote : current.remote,
                given.test("timezone") ? timezone : current.timezone,
                given.test("weekly_hours") ? weeklyHours : current.weeklyHours,
                given.test("valid_from") ? validFrom : current.validFrom,
                given.test("valid_until") ? validUntil : current.validUntil,
                given.test("appointment_type_ids") ? appointmentTypeIds : current.appointmentTypeIds,
                given.test("accepted_insurance_payers") ? acceptedInsurancePayers : current.acceptedInsurancePayers,
                given.test("is_active") ? active : current.active);
    }

    /** The rules of the draft alone; its references and time zone are settled by {@link Schedules}. */
    ScheduleDraft checked(Problems problems) {
        problems.requireText("clinician_id", clinicianId);
        problems.require("is_remote", remote);
        problems.require("is_active", active);
        Zones.check("timezone", timezone, problems);
        var hours = weeklyHours == null ? List.<Hours>of() : weeklyHours;
        Hours.rejectOverlaps(problems, "weekly_hours", hours);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add("valid_until", "must not be before valid_from");
        }
        if (locationId == null && !Boolean.TRUE.equals(remote)) {
            problems.add("location_id", "is required unless is_remote is true");
        }
        return new ScheduleDraft(
                clinicianId,
                locationId,
                remote,
                timezone,
                hours,
                validFrom,
                validUntil,
                appointmentTypeIds == null ? List.of() : appointmentTypeIds,
                acceptedInsurancePayers == null ? List.of() : acceptedInsurancePayers,
                active);
    }

    ScheduleDraft withTimezone(String zone) {
        return new ScheduleDraft(
                clinicianId,
                locationId,
                remote,
                zone,
                weeklyHours,
                validFrom,
                validUntil,
                appointmentTypeIds,
                acceptedInsurancePayers,
                active);
    }

    ScheduleDraft deactivated() {
        return new ScheduleDraft(
                clinicianId,
                locationId,
                remote,
                timezone,
                weeklyHours,
                validFrom,
                validUntil,
                appointmentTypeIds,
                acceptedInsurancePayers,
                false);
    }
}
