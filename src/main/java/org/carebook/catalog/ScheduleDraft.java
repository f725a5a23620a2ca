package org.carebook.catalog;

import java.time.LocalDate;
import java.util.List;

import org.carebook.api.JsonFields;

/** The writable fields of a schedule. */
public record ScheduleDraft(String clinicianId, String locationId, Boolean remote, String timezone,
                            List<Hours> weeklyHours, LocalDate validFrom, LocalDate validUntil,
                            List<String> appointmentTypeIds, List<String> acceptedInsurancePayers, Boolean active) {

    static final ScheduleDraft EMPTY = new ScheduleDraft(null, null, false, null, List.of(), null, null, List.of(),
            List.of(), true);
    static final String[] FIELDS = {"clinician_id", "location_id", "is_remote", "timezone", "weekly_hours",
            "valid_from", "valid_until", "appointment_type_ids", "accepted_insurance_payers", "is_active"};

    /** Reads the fields; the time zone is settled against the location afterwards by {@link Schedules}. */
    static ScheduleDraft read(JsonFields body, ScheduleDraft current) {
        var draft = new ScheduleDraft(
                body.requiredText("clinician_id", 64, current.clinicianId()),
                body.text("location_id", 64, current.locationId()),
                body.requiredBool("is_remote", current.remote()),
                body.zone("timezone", current.timezone()),
                body.objects("weekly_hours", 100, current.weeklyHours(), Hours::readWeekly, Hours.WEEKLY_FIELDS),
                body.date("valid_from", current.validFrom()),
                body.date("valid_until", current.validUntil()),
                body.texts("appointment_type_ids", 500, 64, current.appointmentTypeIds()),
                body.texts("accepted_insurance_payers", 200, JsonFields.TEXT, current.acceptedInsurancePayers()),
                body.requiredBool("is_active", current.active()));
        Hours.rejectOverlaps(body, "weekly_hours", draft.weeklyHours());
        if (draft.validFrom() != null && draft.validUntil() != null && draft.validUntil().isBefore(draft.validFrom())) {
            body.issue("valid_until", "must not be before valid_from");
        }
        if (draft.locationId() == null && !Boolean.TRUE.equals(draft.remote())) {
            body.issue("location_id", "is required unless is_remote is true");
        }
        return draft;
    }

    ScheduleDraft withTimezone(String zone) {
        return new ScheduleDraft(clinicianId, locationId, remote, zone, weeklyHours, validFrom, validUntil,
                appointmentTypeIds, acceptedInsurancePayers, active);
    }

    ScheduleDraft deactivated() {
        return new ScheduleDraft(clinicianId, locationId, remote, timezone, weeklyHours, validFrom, validUntil,
                appointmentTypeIds, acceptedInsurancePayers, false);
    }
}
