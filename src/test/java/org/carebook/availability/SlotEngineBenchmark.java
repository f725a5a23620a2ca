package org.carebook.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The slot engine alone: 20 clinicians, 14 days of 09:00–17:00 in Europe/London, 30-minute slots,
 * 60 % of them booked. Run it as the README says; numbers go to docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SlotEngineBenchmark {

    static final int CLINICIANS = 20;
    static final int DAYS = 14;
    static final double BOOKED = 0.6;

    private SlotQuery query;

    @Setup
    public void setUp() {
        query = busyClinic(new Random(42));
    }

    @Benchmark
    public List<Slot> twentyCliniciansFourteenDays() {
        return SlotEngine.slots(query);
    }

    static SlotQuery busyClinic(Random random) {
        var zone = ZoneId.of("Europe/London");
        var from = LocalDate.of(2027, 1, 11);
        var hours = new HashMap<DayOfWeek, List<ClockBlock>>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new ClockBlock(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        var schedules = new ArrayList<WorkingSchedule>();
        Map<String, List<Interval>> busy = new HashMap<>();
        for (int c = 0; c < CLINICIANS; c++) {
            String id = "clin_" + c;
            schedules.add(new WorkingSchedule(
                    "sched_" + c,
                    id,
                    "Dr " + c,
                    true,
                    "loc_1",
                    "Clinic",
                    false,
                    zone,
                    hours,
                    Map.of(),
                    null,
                    null,
                    Set.of(),
                    Set.of(),
                    true));
            var booked = new ArrayList<Interval>();
            for (int d = 0; d < DAYS; d++) {
                Instant dayStart = from.plusDays(d).atTime(9, 0).atZone(zone).toInstant();
                for (int s = 0; s < 16; s++) {
                    if (random.nextDouble() < BOOKED) {
                        Instant start = dayStart.plus(Duration.ofMinutes(30L * s));
                        booked.add(new Interval(start, start.plus(Duration.ofMinutes(30))));
                    }
                }
            }
            busy.put(id, booked);
        }
        var type = new AppointmentRules(
                "type_1",
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofDays(365),
                true,
                false,
                false,
                Set.of(),
                true,
                true);
        return new SlotQuery(
                type,
                schedules,
                busy,
                Map.of(),
                from,
                from.plusDays(DAYS - 1),
                Instant.parse("2027-01-01T00:00:00Z"),
                SlotFilter.NONE);
    }
}
