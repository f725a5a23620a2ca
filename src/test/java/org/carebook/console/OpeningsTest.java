package org.carebook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open time on the grid: working hours less appointments, time off and holds, and only what is still to come. */
class OpeningsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 16);
    private static final List<DayView.Column> ONE = List.of(new DayView.Column(1, "cli_1", "Dr Ada Byron"));

    @Test
    void openTimeIsWorkingTimeLessWhatIsTaken() {
        var shades = List.of(
                shade(LocalTime.of(7, 0), LocalTime.of(9, 0), "closed"),
                shade(LocalTime.of(12, 0), LocalTime.of(13, 0), "off"),
                shade(LocalTime.of(17, 0), LocalTime.of(20, 0), "closed"));
        var blocks = List.of(block(LocalTime.of(10, 0), LocalTime.of(10, 30)));

        var openings = Openings.of(ONE, shades, blocks, i -> new Openings.ColumnDay("cli_1", "Dr Ada Byron", DAY, 2));

        assertThat(openings.stream().map(o -> o.place().time()))
                .containsExactly("09:00–10:00", "10:30–12:00", "13:00–17:00");
        assertThat(openings).allSatisfy(o -> {
            assertThat(o.clinicianId()).isEqualTo("cli_1");
            assertThat(o.date()).isEqualTo(DAY);
        });
    }

    @Test
    void aDayGoneHasNoOpenTimeAndTodayOpensAtTheNextQuarterHour() {
        Instant tenPast = DAY.atTime(10, 10).atZone(LONDON).toInstant();

        assertThat(Openings.firstLine(tenPast, LONDON, DAY.minusDays(1))).isNull();
        assertThat(Openings.timeAt(Openings.firstLine(tenPast, LONDON, DAY))).isEqualTo(LocalTime.of(10, 15));
        assertThat(Openings.firstLine(tenPast, LONDON, DAY.plusDays(1))).isEqualTo(2);
        assertThat(Openings.firstLine(DAY.atTime(21, 0).atZone(LONDON).toInstant(), LONDON, DAY))
                .isNull();

        var openings = Openings.of(
                ONE,
                List.of(shade(LocalTime.of(17, 0), LocalTime.of(20, 0), "closed")),
                List.of(),
                i -> new Openings.ColumnDay("cli_1", "Dr Ada Byron", DAY, Openings.firstLine(tenPast, LONDON, DAY)));
        assertThat(openings.stream().map(o -> o.place().time())).containsExactly("10:15–17:00");
    }

    @Test
    void aClinicianWhoDoesNotWorkThatDayHasNoOpenTime() {
        var openings = Openings.of(
                ONE,
                List.of(shade(DayView.FIRST, DayView.LAST, "closed")),
                List.of(),
                i -> new Openings.ColumnDay("cli_1", "Dr Ada Byron", DAY, 2));

        assertThat(openings).isEmpty();
    }

    private static DayView.Shade shade(LocalTime from, LocalTime to, String kind) {
        return new DayView.Shade(DayView.Place.run(1, DayView.line(from), DayView.line(to)), kind);
    }

    private static DayView.Block block(LocalTime from, LocalTime to) {
        return DayView.Block.busy("apt_1", DayView.Place.run(1, DayView.line(from), DayView.line(to)));
    }
}
