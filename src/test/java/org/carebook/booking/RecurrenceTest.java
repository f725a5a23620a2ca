package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.carebook.booking.Recurrence.Frequency;
import org.carebook.booking.Recurrence.Weekday;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.junit.jupiter.api.Test;

/** The dates a series' rule gives, as RFC 5545 reads the same RRULE, and the rules a recurrence must keep. */
class RecurrenceTest {

    private static final LocalDate TUESDAY = LocalDate.of(2027, 9, 28);

    @Test
    void weeklyWithoutDaysRepeatsTheFirstWeekday() {
        var rule = new Recurrence(Frequency.WEEKLY, 1, List.of(), 3, null);

        assertThat(rule.dates(TUESDAY)).containsExactly(TUESDAY, TUESDAY.plusWeeks(1), TUESDAY.plusWeeks(2));
    }

    @Test
    void everyOtherWeekOnTwoDaysCountsEachDate() {
        var rule = new Recurrence(Frequency.WEEKLY, 2, List.of(Weekday.THURSDAY, Weekday.TUESDAY), 5, null);

        assertThat(rule.dates(TUESDAY))
                .containsExactly(
                        TUESDAY,
                        TUESDAY.plusDays(2),
                        TUESDAY.plusWeeks(2),
                        TUESDAY.plusWeeks(2).plusDays(2),
                        TUESDAY.plusWeeks(4));
    }

    @Test
    void daysOfTheFirstWeekBeforeTheStartAreNotOccurrences() {
        var thursday = TUESDAY.plusDays(2);
        var rule = new Recurrence(Frequency.WEEKLY, 1, List.of(Weekday.TUESDAY, Weekday.THURSDAY), 2, null);

        assertThat(rule.dates(thursday)).containsExactly(thursday, thursday.plusDays(5));
    }

    @Test
    void untilIsTheLastDateItMayFallOn() {
        var rule = new Recurrence(Frequency.DAILY, 3, List.of(), null, TUESDAY.plusDays(9));

        assertThat(rule.dates(TUESDAY))
                .containsExactly(TUESDAY, TUESDAY.plusDays(3), TUESDAY.plusDays(6), TUESDAY.plusDays(9));
    }

    @Test
    void aRuleOfMoreThanFiftyTwoDatesIsRefused() {
        assertThat(problems(new Recurrence(Frequency.WEEKLY, 1, List.of(), null, TUESDAY.plusWeeks(52)), TUESDAY))
                .containsExactly("recurrence: gives more than 52 occurrences");
        assertThat(problems(new Recurrence(Frequency.WEEKLY, 1, List.of(), null, TUESDAY.plusWeeks(51)), TUESDAY))
                .isEmpty();
    }

    @Test
    void daysOnlyForWeeklyUntilNotBeforeTheStartAndTheStartOnANamedDay() {
        assertThat(problems(new Recurrence(Frequency.DAILY, 1, List.of(Weekday.MONDAY), 3, null), TUESDAY))
                .contains("recurrence.by_day: applies only to a weekly recurrence");
        assertThat(problems(new Recurrence(Frequency.WEEKLY, 1, List.of(Weekday.MONDAY), 3, null), TUESDAY))
                .containsExactly("start_time: must fall on one of recurrence.by_day");
        assertThat(problems(new Recurrence(Frequency.WEEKLY, 1, List.of(), null, TUESDAY.minusDays(1)), TUESDAY))
                .containsExactly("recurrence.until: must not be before the first occurrence's date");
    }

    private static List<String> problems(Recurrence rule, LocalDate first) {
        var problems = new Problems();
        rule.check(first, problems);
        try {
            problems.throwIfAny();
            return List.of();
        } catch (CarebookException e) {
            return e.details().stream().map(d -> d.field() + ": " + d.issue()).toList();
        }
    }
}
