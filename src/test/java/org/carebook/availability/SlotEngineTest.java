package org.carebook.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pure checks of the engine on the benchmark's own data, so the benchmark measures a working computation. */
class SlotEngineTest {

    @Test
    void busyClinicOffersTheFreeFortyPercent() {
        var query = SlotEngineBenchmark.busyClinic(new Random(42));
        int total = SlotEngineBenchmark.CLINICIANS * SlotEngineBenchmark.DAYS * 16;
        int booked =
                query.clinicianBusy().values().stream().mapToInt(List::size).sum();

        var slots = SlotEngine.slots(query);

        assertThat(slots).hasSize(total - booked);
        assertThat(slots).isSortedAccordingTo(Comparator.comparing(Slot::start).thenComparing(Slot::clinicianName));
    }

    @Test
    void theAnswerSaysWhenTheFirstStartFallsWithinTheNotice() {
        var busy = SlotEngineBenchmark.busyClinic(new Random(1));
        var noticed = new AppointmentRules(
                "type_1",
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofHours(2),
                Duration.ofDays(365),
                true,
                false,
                false,
                Set.of(),
                true,
                true);
        var query = new SlotQuery(
                noticed,
                busy.schedules(),
                busy.clinicianBusy(),
                Map.of(),
                busy.from(),
                busy.to(),
                busy.now(),
                SlotFilter.NONE);

        var answer = SlotEngine.answer(query);

        assertThat(answer.changesAt()).contains(answer.slots().get(0).start().minus(Duration.ofHours(2)));
    }

    @Test
    void theAnswerSaysWhenTheFirstStartBeyondTheHorizonComesWithinIt() {
        var busy = SlotEngineBenchmark.busyClinic(new Random(1));
        // Now is 2027-01-01; with a 12-day horizon, 2027-01-13 09:00 London is the first start left out.
        var near = new AppointmentRules(
                "type_1",
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofDays(12),
                true,
                false,
                false,
                Set.of(),
                true,
                true);
        var query = new SlotQuery(
                near, busy.schedules(), Map.of(), Map.of(), busy.from(), busy.to(), busy.now(), SlotFilter.NONE);

        var answer = SlotEngine.answer(query);

        assertThat(answer.slots()).allMatch(s -> !s.start().isAfter(Instant.parse("2027-01-13T00:00:00Z")));
        assertThat(answer.changesAt())
                .contains(Instant.parse("2027-01-13T09:00:00Z").minus(Duration.ofDays(12)));
    }

    @Test
    void anAnswerWithNothingOfferedAndNothingBeyondTheHorizonNeverChangesWithTime() {
        var busy = SlotEngineBenchmark.busyClinic(new Random(1));
        var allBooked = new java.util.HashMap<String, List<Interval>>();
        busy.schedules()
                .forEach(s -> allBooked.put(
                        s.clinicianId(),
                        List.of(new Interval(
                                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z")))));
        var query = new SlotQuery(
                busy.type(),
                busy.schedules(),
                allBooked,
                Map.of(),
                busy.from(),
                busy.to(),
                busy.now(),
                SlotFilter.NONE);

        assertThat(SlotEngine.answer(query).changesAt()).isEmpty();
    }
}
