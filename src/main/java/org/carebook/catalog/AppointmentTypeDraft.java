package org.carebook.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.carebook.kernel.ChangeRules;
import org.carebook.kernel.Problems;

/** The writable fields of an appointment type, with the contract's defaults. */
public record AppointmentTypeDraft(
        String name,
        String description,
        Integer durationMinutes,
        BigDecimal price,
        String currency,
        Boolean active,
        Boolean allowOnlineBooking,
        List<String> modes,
        Integer bufferBeforeMinutes,
        Integer bufferAfterMinutes,
        Integer minNoticeMinutes,
        Integer maxAdvanceDays,
        Integer slotIntervalMinutes,
        Boolean requiresRoom,
        List<String> clinicianIds,
        ChangeRules changeRules) {

    private static final Set<String> MODES = Set.of("in_person", "remote");

    /** The defaults of a new type, priced in the organization's currency. */
    static AppointmentTypeDraft defaults(String currency) {
        return new AppointmentTypeDraft(
                null,
                null,
                null,
                null,
                currency,
                true,
                true,
                List.of("in_person"),
                0,
                0,
                0,
                90,
                null,
                false,
                List.of(),
                ChangeRules.NONE);
    }

    AppointmentTypeDraft over(AppointmentTypeDraft current, Predicate<String> given) {
        return new AppointmentTypeDraft(
                given.test("name") ? name : current.name,
                given.test("description") ? description : current.description,
                given.test("duration_minutes") ? durationMinutes : current.durationMinutes,
                given.test("price") ? price : current.price,
                given.test("currency") ? currency : current.currency,
                given.test("is_active") ? active : current.active,
                given.test("allow_online_booking") ? allowOnlineBooking : current.allowOnlineBooking,
                given.test("modes") ? modes : current.modes,
                given.test("buffer_before_minutes") ? bufferBeforeMinutes : current.bufferBeforeMinutes,
                given.test("buffer_after_minutes") ? bufferAfterMinutes : current.bufferAfterMinutes,
                given.test("min_notice_minutes") ? minNoticeMinutes : current.minNoticeMinutes,
                given.test("max_advance_days") ? maxAdvanceDays : current.maxAdvanceDays,
                given.test("slot_interval_minutes") ? slotIntervalMinutes : current.slotIntervalMinutes,
                given.test("requires_room") ? requiresRoom : current.requiresRoom,
                given.test("clinician_ids") ? clinicianIds : current.clinicianIds,
                changeRules.over(current.changeRules, given));
    }

    /** Every setting present, modes from {@link #MODES}, an ISO 4217 currency; slots step by the duration unless set. */
    AppointmentTypeDraft checked(Problems problems, boolean slotIntervalGiven) {
        requireSettings(problems);
        if (modes == null || modes.isEmpty() || !MODES.containsAll(modes)) {
            problems.add("modes", "must list one or both of in_person and remote");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            problems.add("currency", "must be an ISO 4217 currency code such as GBP");
        }
        if (slotIntervalMinutes == null && slotIntervalGiven) {
            problems.add("slot_interval_minutes", Problems.REQUIRED);
        }
        return new AppointmentTypeDraft(
                name,
                description,
                durationMinutes,
                price,
                currency,
                active,
                allowOnlineBooking,
                modes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                minNoticeMinutes,
                maxAdvanceDays,
                slotIntervalMinutes == null ? durationMinutes : slotIntervalMinutes,
                requiresRoom,
                clinicianIds == null ? List.of() : clinicianIds,
                changeRules);
    }

    /** Settings that have defaults may be changed but not cleared. */
    private void requireSettings(Problems problems) {
        problems.requireText("name", name);
        problems.require("duration_minutes", durationMinutes);
        problems.require("currency", currency);
        problems.require("is_active", active);
        problems.require("allow_online_booking", allowOnlineBooking);
        problems.require("buffer_before_minutes", bufferBeforeMinutes);
        problems.require("buffer_after_minutes", bufferAfterMinutes);
        problems.require("min_notice_minutes", minNoticeMinutes);
        problems.require("max_advance_days", maxAdvanceDays);
        problems.require("requires_room", requiresRoom);
    }

    AppointmentTypeDraft deactivated() {
        return new AppointmentTypeDraft(
                name,
                description,
                durationMinutes,
                price,
                currency,
                false,
                allowOnlineBooking,
                modes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                minNoticeMinutes,
                maxAdvanceDays,
                slotIntervalMinutes,
                requiresRoom,
                clinicianIds,
                changeRules);
    }
}
