package org.carebook.catalog;

import java.time.LocalTime;
import org.carebook.api.JsonFields;
import org.carebook.kernel.Change;

/**
 * Reads catalogue requests (docs/api.md §2–3) into changes of drafts, checking their shape only: a create
 * gives some fields over the defaults, a PATCH over what is stored; the facades check the rest.
 */
final class CatalogForms {

    private static final int DAY = 24 * 60;

    private CatalogForms() {}

    static Change<ClinicianDraft> clinician(JsonFields body) {
        return new Change<>(
                new ClinicianDraft(
                        body.text("name", JsonFields.NAME, null),
                        body.text("title", JsonFields.NAME, null),
                        body.text("specialty", JsonFields.NAME, null),
                        body.email("email", null),
                        body.phoneText("phone", null),
                        body.bool("is_active", null),
                        body.zone("timezone", null),
                        body.strings("external_ids", null)),
                body.given());
    }

    static Change<LocationDraft> location(JsonFields body) {
        return new Change<>(
                new LocationDraft(
                        body.text("name", JsonFields.NAME, null),
                        body.zone("timezone", null),
                        body.address("address", null),
                        body.phoneText("phone", null),
                        body.strings("external_ids", null)),
                body.given());
    }

    static Change<AppointmentTypeDraft> appointmentType(JsonFields body) {
        return new Change<>(
                new AppointmentTypeDraft(
                        body.text("name", JsonFields.NAME, null),
                        body.text("description", JsonFields.LONG_TEXT, null),
                        body.integer("duration_minutes", 1, DAY, null),
                        body.money("price", null),
                        body.text("currency", 3, null),
                        body.bool("is_active", null),
                        body.bool("allow_online_booking", null),
                        body.texts("modes", 2, 20, null),
                        body.integer("buffer_before_minutes", 0, DAY, null),
                        body.integer("buffer_after_minutes", 0, DAY, null),
                        body.integer("min_notice_minutes", 0, 365 * DAY, null),
                        body.integer("max_advance_days", 1, 730, null),
                        body.integer("slot_interval_minutes", 1, DAY, null),
                        body.bool("requires_room", null),
                        body.texts("clinician_ids", 500, 64, null),
                        body.changeRules()),
                body.given());
    }

    static Change<ScheduleDraft> schedule(JsonFields body) {
        return new Change<>(
                new ScheduleDraft(
                        body.text("clinician_id", 64, null),
                        body.text("location_id", 64, null),
                        body.bool("is_remote", null),
                        body.zone("timezone", null),
                        body.objects(
                                "weekly_hours",
                                100,
                                null,
                                CatalogForms::weeklyHours,
                                JsonFields.fieldsOf(CatalogRequests.WeeklyHours.class)),
                        body.date("valid_from", null),
                        body.date("valid_until", null),
                        body.texts("appointment_type_ids", 500, 64, null),
                        body.texts("accepted_insurance_payers", 200, JsonFields.TEXT, null),
                        body.bool("is_active", null)),
                body.given());
    }

    static Hours weeklyHours(JsonFields body) {
        String day = body.text("day", 10, null);
        if (day == null || !Hours.isDay(day)) {
            body.issue("day", "must be a weekday name such as monday");
        }
        return hours(body, day);
    }

    static Hours dateHours(JsonFields body) {
        return hours(body, null);
    }

    private static Hours hours(JsonFields body, String day) {
        LocalTime start = body.clock("start", null);
        LocalTime end = body.clock("end", null);
        body.require("start", start);
        body.require("end", end);
        if (start != null && end != null && !end.isAfter(start)) {
            body.issue("end", "must be after start");
        }
        return new Hours(day, start == null ? null : start.toString(), end == null ? null : end.toString());
    }
}
