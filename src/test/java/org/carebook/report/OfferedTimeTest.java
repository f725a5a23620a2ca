package org.carebook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carebook.availability.ClockBlock;
import org.carebook.availability.Interval;
import org.carebook.availability.WorkingSchedule;
import org.junit.jupiter.api.Test;

/** Offered time is the working blocks as really lived in the zone, less time off counted once. */
class OfferedTimeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aWeekOfDayShiftsLessTimeOff() {
        var week = Map.of(
                DayOfWeek.MONDAY, List.of(ClockBlock.of("09:00", "12:30"), ClockBlock.of("13:30", "17:00")),
                DayOfWeek.TUESDAY, List.of(ClockBlock.of("09:00", "17:00")));
        var off = List.of(
                interval("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z"),
                interval("2027-03-08T10:30:00Z", "2027-03-08T12:00:00Z"), // overlaps the first: counted once
                interval("2027-03-09T16:00:00Z", "2027-03-09T20:00:00Z")); // past the end of the day's block

        var minutes = OfferedTime.minutes(
                List.of(schedule(week, false)),
                Map.of("cli_1", off),
                LocalDate.of(2027, 3, 8),
                LocalDate.of(2027, 3, 14));

        assertThat(minutes).containsEntry("cli_1", 7 * 60 - 120 + 8 * 60 - 60L);
    }

    @Test
    void theNightTheClocksGoForwardHasAnHourLess() {
        var nights = Map.of(DayOfWeek.SUNDAY, List.of(ClockBlock.of("00:00", "06:00")));

        var spring = OfferedTime.minutes(
                List.of(schedule(nights, false)), Map.of(), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28));
        var autumn = OfferedTime.minutes(
                List.of(schedule(nights, false)), Map.of(), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 10, 31));

        assertThat(spring).containsEntry("cli_1", 5 * 60L);
        assertThat(autumn).containsEntry("cli_1", 7 * 60L);
    }

    @Test
    void videoHoursAreNotOfferedAtTheLocation() {
        var week = Map.of(DayOfWeek.MONDAY, List.of(ClockBlock.of("09:00", "17:00")));

        assertThat(OfferedTime.minutes(
                        List.of(schedule(week, true)), Map.of(), LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 8)))
                .isEmpty();
    }

    @Test
    void leadTimesFallInSpansWithTheirMeanAndMedian() {
        var lead = Reports.leadTime(List.of(0.5, 2.0, 2.5, 10.0));

        assertThat(lead.bookings()).isEqualTo(4);
        assertThat(lead.meanDays()).isEqualTo(3.75);
        assertThat(lead.medianDays()).isEqualTo(2.25);
        assertThat(lead.spans()).extracting(Report.Count::count).containsExactly(1L, 2L, 0L, 1L, 0L, 0L);
    }

    private static WorkingSchedule schedule(Map<DayOfWeek, List<ClockBlock>> week, boolean remote) {
        return new WorkingSchedule(
                "sched_1",
                "cli_1",
                "Dr Ada Byron",
                true,
                remote ? null : "loc_1",
                "Harley Street",
                remote,
                LONDON,
                week,
                Map.of(),
                null,
                null,
                Set.of(),
                Set.of(),
                true);
    }

    private static Interval interval(String start, String end) {
        return new Interval(Instant.parse(start), Instant.parse(end));
    }
}
