package org.carebook.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.carebook.kernel.Problems;
import org.carebook.kernel.WireName;

/**
 * How a series repeats, as RFC 5545's RRULE says it (a subset): every {@code interval} days or weeks, on
 * {@code byDay} for weekly ones (the first date's weekday when none are named; weeks begin on Monday), until
 * {@code count} dates or the last date {@code until}. Dates only: the clock time is the first occurrence's, kept
 * in the location's zone.
 */
public record Recurrence(Frequency frequency, int interval, List<Weekday> byDay, Integer count, LocalDate until) {

    /** A course of care is at most a year of weekly visits; longer is a new series. */
    public static final int MOST_OCCURRENCES = 52;

    public enum Frequency implements WireName {
        DAILY,
        WEEKLY
    }

    /** A day of the week as the wire names it ({@code tuesday}). */
    public enum Weekday implements WireName {
        MONDAY,
        TUESDAY,
        WEDNESDAY,
        THURSDAY,
        FRIDAY,
        SATURDAY,
        SUNDAY;

        DayOfWeek day() {
            return DayOfWeek.of(ordinal() + 1);
        }

        static Weekday of(DayOfWeek day) {
            return values()[day.getValue() - 1];
        }
    }

    public Recurrence {
        byDay = byDay == null ? List.of() : List.copyOf(byDay);
    }

    /** What is wrong with this rule for a series whose first occurrence is on {@code first}, added to problems. */
    void check(LocalDate first, Problems problems) {
        if (frequency == Frequency.DAILY && !byDay.isEmpty()) {
            problems.add("recurrence.byDay", "applies only to a weekly recurrence");
        }
        if (!byDay.isEmpty() && !byDay.contains(Weekday.of(first.getDayOfWeek()))) {
            problems.add("startTime", "must fall on one of recurrence.by_day");
        }
        if (until != null && until.isBefore(first)) {
            problems.add("recurrence.until", "must not be before the first occurrence's date");
        }
        if (problems.isEmpty() && dates(first).size() > MOST_OCCURRENCES) {
            problems.add("recurrence", "gives more than " + MOST_OCCURRENCES + " occurrences");
        }
    }

    /**
     * The dates the rule gives from {@code first}, in order. An open-ended count stops one past the most a series
     * may have, so that a rule giving too many can be told.
     */
    List<LocalDate> dates(LocalDate first) {
        int most = count != null ? count : MOST_OCCURRENCES + 1;
        var dates = new ArrayList<LocalDate>();
        if (frequency == Frequency.DAILY) {
            for (LocalDate date = first; fits(date, dates.size(), most); date = date.plusDays(interval)) {
                dates.add(date);
            }
            return dates;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        byDay.forEach(day -> days.add(day.day()));
        if (days.isEmpty()) {
            days.add(first.getDayOfWeek());
        }
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int week = 0; ; week += interval) {
            for (DayOfWeek day : days) { // an EnumSet runs Monday to Sunday
                LocalDate date = monday.plusWeeks(week).plusDays(day.getValue() - 1L);
                if (date.isBefore(first)) {
                    continue;
                }
                if (!fits(date, dates.size(), most)) {
                    return dates;
                }
                dates.add(date);
            }
        }
    }

    private boolean fits(LocalDate date, int taken, int most) {
        return taken < most && (until == null || !date.isAfter(until));
    }
}
