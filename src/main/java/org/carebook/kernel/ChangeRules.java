package org.carebook.kernel;

/**
 * A clinic's rules for a patient changing their own booking: how many hours before the start they may still
 * cancel or reschedule it, and how often they may reschedule it. {@code null} is no rule; an appointment
 * type's rules override its organization's one by one.
 */
public record ChangeRules(Integer cancelNoticeHours, Integer rescheduleNoticeHours, Integer maxReschedules) {

    public static final ChangeRules NONE = new ChangeRules(null, null, null);

    /** Each rule set here, or else the fallback's. */
    public ChangeRules or(ChangeRules fallback) {
        return new ChangeRules(
                cancelNoticeHours != null ? cancelNoticeHours : fallback.cancelNoticeHours,
                rescheduleNoticeHours != null ? rescheduleNoticeHours : fallback.rescheduleNoticeHours,
                maxReschedules != null ? maxReschedules : fallback.maxReschedules);
    }
}
