package org.carebook.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.carebook.kernel.ChangeRules;
import org.carebook.kernel.Problems;

/**
 * The writable fields of an appointment type, with the contract's defaults. The three change rules override the
 * organization's one by one.
 */
public record AppointmentTypeDraft(
        String name,
        String description,
        Integer durationMinutes,
        BigDecimal price,
        String currency,
        Boolean isActive,
        Boolean allowOnlineBooking,
        List<String> modes,
        Integer bufferBeforeMinutes,
        Integer bufferAfterMinutes,
        Integer minNoticeMinutes,
        Integer maxAdvanceDays,
        Integer slotIntervalMinutes,
        Boolean requiresRoom,
        Integer capacity,
        Boolean requiresApproval,
        String color,
        List<String> clinicianIds,
        Integer cancelNoticeHours,
        Integer rescheduleNoticeHours,
        Integer maxReschedules,
        ServiceType serviceType) {

    private static final Set<String> MODES = Set.of("in_person", "remote");

    /** The console's palette: a type's colour on the calendar is one of these, or one picked for it. */
    public static final List<String> COLORS = List.of(
            "blue", "green", "orange", "purple", "red", "teal", "pink", "brown", "olive", "navy", "grey", "gold");

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
                1,
                false,
                null,
                List.of(),
                null,
                null,
                null,
                null);
    }

    public ChangeRules changeRules() {
        return new ChangeRules(cancelNoticeHours, rescheduleNoticeHours, maxReschedules);
    }

    /** Every setting present, modes from {@link #MODES}, an ISO 4217 currency; slots step by the duration unless set. */
    AppointmentTypeDraft checked(Problems problems, boolean slotIntervalGiven) {
        requireSettings(problems);
        if (modes == null || modes.isEmpty() || !MODES.containsAll(modes)) {
            problems.add("modes", "must list one or both of in_person and remote");
        }
        if (color != null && !COLORS.contains(color)) {
            problems.add("color", "must be one of " + String.join(", ", COLORS));
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            problems.add("currency", "must be an ISO 4217 currency code such as GBP");
        }
        if (serviceType != null) {
            serviceType.check(problems);
        }
        if (slotIntervalMinutes == null && slotIntervalGiven) {
            problems.add("slotIntervalMinutes", Problems.REQUIRED);
        }
        return new AppointmentTypeDraft(
                name,
                description,
                durationMinutes,
                price,
                currency,
                isActive,
                allowOnlineBooking,
                modes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                minNoticeMinutes,
                maxAdvanceDays,
                slotIntervalMinutes == null ? durationMinutes : slotIntervalMinutes,
                requiresRoom,
                capacity,
                requiresApproval,
                color,
                clinicianIds == null ? List.of() : clinicianIds,
                cancelNoticeHours,
                rescheduleNoticeHours,
                maxReschedules,
                serviceType);
    }

    /** Settings that have defaults may be changed but not cleared. */
    private void requireSettings(Problems problems) {
        problems.requireText("name", name);
        problems.require("durationMinutes", durationMinutes);
        problems.require("currency", currency);
        problems.require("isActive", isActive);
        problems.require("allowOnlineBooking", allowOnlineBooking);
        problems.require("bufferBeforeMinutes", bufferBeforeMinutes);
        problems.require("bufferAfterMinutes", bufferAfterMinutes);
        problems.require("minNoticeMinutes", minNoticeMinutes);
        problems.require("maxAdvanceDays", maxAdvanceDays);
        problems.require("requiresRoom", requiresRoom);
        problems.require("capacity", capacity);
        problems.require("requiresApproval", requiresApproval);
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
                capacity,
                requiresApproval,
                color,
                clinicianIds,
                cancelNoticeHours,
                rescheduleNoticeHours,
                maxReschedules,
                serviceType);
    }
}
