package org.carebook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carebook.catalog.Hours;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.junit.jupiter.api.Test;

/** The week editor reads what was typed into weekly hours, and says in words what it cannot read. */
class WeekFormTest {

    @Test
    void hoursShownAreTheHoursReadBack() {
        var hours = List.of(
                new Hours("monday", "13:30", "17:00"),
                new Hours("monday", "09:00", "12:30"),
                new Hours("saturday", "09:00", "12:00"));
        var form = WeekForm.of(hours);
        var posted = new java.util.HashMap<String, String>();
        form.days()
                .forEach(d -> d.blocks().forEach(b -> {
                    posted.put(b.field() + "-start", b.start());
                    posted.put(b.field() + "-end", b.end());
                }));

        var problems = new Problems();
        assertThat(WeekForm.read(posted).hours(problems))
                .containsExactly(
                        new Hours("monday", "09:00", "12:30"),
                        new Hours("monday", "13:30", "17:00"),
                        new Hours("saturday", "09:00", "12:00"));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void halfGivenBackwardsAndOverlappingBlocksAreNamedByTheirDay() {
        var problems = new Problems();
        WeekForm.read(Map.of(
                        "monday-0-start", "09:00",
                        "tuesday-0-start", "17:00",
                        "tuesday-0-end", "09:00",
                        "friday-0-start", "09:00",
                        "friday-0-end", "12:00",
                        "friday-1-start", "11:30",
                        "friday-1-end", "13:00"))
                .hours(problems);

        var issues = java.util.stream.Stream.of(
                        org.junit.jupiter.api.Assertions.assertThrows(CarebookException.class, problems::throwIfAny))
                .flatMap(e -> e.details().stream())
                .map(d -> d.field() + ": " + d.issue())
                .toList();
        assertThat(issues)
                .containsExactly(
                        "monday: give both times of a block as hours and minutes, such as 09:00",
                        "tuesday: a block must end after it starts",
                        "friday: two blocks overlap");
    }

    @Test
    void daysWithTheSameHoursRunTogetherInTheSummary() {
        var weekdays = java.util.stream.Stream.of("monday", "tuesday", "wednesday", "thursday", "friday")
                .map(d -> new Hours(d, "09:00", "17:00"));
        var hours = java.util.stream.Stream.concat(
                        weekdays, java.util.stream.Stream.of(new Hours("sunday", "10:00", "12:00")))
                .toList();

        assertThat(HoursSummary.of(hours)).isEqualTo("Mon–Fri 09:00–17:00 · Sun 10:00–12:00");
        assertThat(HoursSummary.of(List.of())).isEqualTo("No hours");
    }
}
