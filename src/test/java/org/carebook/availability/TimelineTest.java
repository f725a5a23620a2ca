package org.carebook.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant ZERO = Instant.parse("2027-01-04T00:00:00Z");

    @Test
    void touchingNestedAndUnorderedIntervalsFormOneRun() {
        var timeline = Timeline.of(List.of(minutes(30, 60), minutes(0, 30), minutes(10, 20), minutes(50, 90)));

        assertThat(free(timeline, 0, 90)).isFalse();
        assertThat(free(timeline, 89, 91)).isFalse();
        assertThat(free(timeline, 90, 120)).isTrue();
        assertThat(free(timeline, -30, 0)).isTrue();
    }

    @Test
    void gapsBetweenRunsStayFree() {
        var timeline = Timeline.of(List.of(minutes(60, 90), minutes(0, 30)));

        assertThat(free(timeline, 30, 60)).isTrue();
        assertThat(free(timeline, 29, 60)).isFalse();
        assertThat(free(timeline, 30, 61)).isFalse();
    }

    @Test
    void agreesWithCheckingEveryIntervalOnRandomInput() {
        var random = new Random(7);
        for (int round = 0; round < 200; round++) {
            var busy = new ArrayList<Interval>();
            for (int i = random.nextInt(12); i > 0; i--) {
                int start = random.nextInt(200);
                busy.add(minutes(start, start + 1 + random.nextInt(40)));
            }
            var timeline = Timeline.of(busy);
            for (int probe = 0; probe < 50; probe++) {
                int from = random.nextInt(240) - 20;
                int to = from + 1 + random.nextInt(30);
                var asked = minutes(from, to);
                assertThat(free(timeline, from, to))
                        .as("%s free among %s", asked, busy)
                        .isEqualTo(busy.stream().noneMatch(asked::overlaps));
            }
        }
    }

    @Test
    void microsecondsRoundTrip() {
        var instant = Instant.parse("2027-03-14T07:00:00.123456Z");

        assertThat(Timeline.instant(Timeline.micros(instant))).isEqualTo(instant);
    }

    private static Interval minutes(int from, int to) {
        return new Interval(ZERO.plusSeconds(60L * from), ZERO.plusSeconds(60L * to));
    }

    private static boolean free(Timeline timeline, int from, int to) {
        return timeline.isFree(
                Timeline.micros(ZERO.plusSeconds(60L * from)), Timeline.micros(ZERO.plusSeconds(60L * to)));
    }
}
