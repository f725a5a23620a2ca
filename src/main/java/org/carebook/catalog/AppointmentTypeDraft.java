package org.carebook.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.carebook.api.JsonFields;

/** The writable fields of an appointment type, with the contract's defaults. */
public record AppointmentTypeDraft(String name, String description, Integer durationMinutes, BigDecimal price,
                                   String currency, Boolean active, Boolean allowOnlineBooking, List<String> modes,
                                   Integer bufferBeforeMinutes, Integer bufferAfterMinutes, Integer minNoticeMinutes,
                                   Integer maxAdvanceDays, Integer slotIntervalMinutes, Boolean requiresRoom,
                                   List<String> clinicianIds) {

    static final String[] FIELDS = {"name", "description", "duration_minutes", "price", "currency", "is_active",
            "allow_online_booking", "modes", "buffer_before_minutes", "buffer_after_minutes", "min_notice_minutes",
            "max_advance_days", "slot_interval_minutes", "requires_room", "clinician_ids"};
    private static final Set<String> MODES = Set.of("in_person", "remote");
    private static final int DAY = 24 * 60;

    static AppointmentTypeDraft empty(String currency) {
        return new AppointmentTypeDraft(null, null, null, null, currency, true, true, List.of("in_person"), 0, 0, 0,
                90, null, false, List.of());
    }

    static AppointmentTypeDraft read(JsonFields body, AppointmentTypeDraft current) {
        Integer duration = body.requiredInteger("duration_minutes", 1, DAY, current.durationMinutes());
        var draft = new AppointmentTypeDraft(
                body.requiredText("name", JsonFields.NAME, current.name()),
                body.text("description", JsonFields.LONG_TEXT, current.description()),
                duration,
                body.money("price", current.price()),
                body.text("currency", 3, current.currency()),
                body.requiredBool("is_active", current.active()),
                body.requiredBool("allow_online_booking", current.allowOnlineBooking()),
                body.texts("modes", 2, 20, current.modes()),
                body.requiredInteger("buffer_before_minutes", 0, DAY, current.bufferBeforeMinutes()),
                body.requiredInteger("buffer_after_minutes", 0, DAY, current.bufferAfterMinutes()),
                body.requiredInteger("min_notice_minutes", 0, 365 * DAY, current.minNoticeMinutes()),
                body.requiredInteger("max_advance_days", 1, 730, current.maxAdvanceDays()),
                body.requiredInteger("slot_interval_minutes", 1, DAY,
                        current.slotIntervalMinutes() == null ? duration : current.slotIntervalMinutes()),
                body.requiredBool("requires_room", current.requiresRoom()),
                body.texts("clinician_ids", 500, 64, current.clinicianIds()));
        body.require("currency", draft.currency());
        if (draft.modes() == null || draft.modes().isEmpty() || !MODES.containsAll(draft.modes())) {
            body.issue("modes", "must list one or both of in_person and remote");
        }
        if (draft.currency() != null && !draft.currency().matches("[A-Z]{3}")) {
            body.issue("currency", "must be an ISO 4217 currency code such as GBP");
        }
        return draft;
    }
}
