package org.carebook.kernel;

import java.util.function.Predicate;

/**
 * A clinic's rules for a patient changing their own booking: how many hours before the start they may still
 * cancel or reschedule it, and how often they may reschedule it. {@code null} is no rule; an appointment
 * type's rules override its organization's one by one.
 */
public record ChangeRules(Integer cancelNoticeHours, Integer rescheduleNoticeHours, Integer maxReschedules) {

    public static final ChangeRules NONE = new ChangeRules(null, null, null);
    public static final String[] FIELDS = {"cancel_notice_hours", "reschedule_notice_hours", "max_reschedules"};

    /** These rules where {@code given} names the field, the current ones elsewhere (a partial update). */
    public ChangeRules over(ChangeRules current, Predicate<String> given) {
        return new ChangeRules(
                given.test("cancel_notice_hours") ? cancelNoticeHours : current.cancelNoticeHours,
                given.test("reschedule_notice_hours") ? rescheduleNoticeHours : current.rescheduleNoticeHours,
                given.test("max_reschedules") ? maxReschedules : current.maxReschedules);
    }

    /** Each rule set here, or else the fallback's. */
    public ChangeRules or(ChangeRules fallback) {
        return new ChangeRules(
                cancelNoticeHours != null ? cancelNoticeHours : fallback.cancelNoticeHours,
                rescheduleNoticeHours != null ? rescheduleNoticeHours : fallback.rescheduleNoticeHours,
                maxReschedules != null ? maxReschedules : fallback.maxReschedules);
    }
}
