package org.carebook.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carebook.availability.ClockBlock;
import org.carebook.availability.Interval;
import org.carebook.availability.WorkingSchedule;

/**
 * The minutes each clinician offers at a location over local dates: their in-person working blocks there,
 * each taken as the instants it spans in the schedule's zone (so a day the clocks change counts the hours
 * really worked), less the time off that overlaps it.
 */
final class OfferedTime {

    private OfferedTime() {}

    static Map<String, Long> minutes(
            List<WorkingSchedule> schedules, Map<String, List<Interval>> timeOff, LocalDate from, LocalDate to) {
        var minutes = new HashMap<String, Long>();
        for (var schedule : schedules) {
            if (schedule.remote()) {
                continue;
            }
            var off = timeOff.getOrDefault(schedule.clinicianId(), List.of());
            for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
                for (ClockBlock block : schedule.hoursOn(day)) {
                    var worked = new Interval(
                            day.atTime(block.start()).atZone(schedule.zone()).toInstant(),
                            day.atTime(block.end()).atZone(schedule.zone()).toInstant());
                    minutes.merge(schedule.clinicianId(), worked(worked, off), Long::sum);
                }
            }
        }
        return minutes;
    }

    /** The block's minutes less those of time off inside it, overlapping time off counted once. */
    private static long worked(Interval block, List<Interval> off) {
        var inside = off.stream()
                .filter(o -> o.start().isBefore(block.end()) && o.end().isAfter(block.start()))
                .map(o -> new Interval(
                        o.start().isAfter(block.start()) ? o.start() : block.start(),
                        o.end().isBefore(block.end()) ? o.end() : block.end()))
                .sorted(java.util.Comparator.comparing(Interval::start))
                .toList();
        long seconds = Duration.between(block.start(), block.end()).toSeconds();
        Instant covered = block.start();
        for (var interval : inside) {
            Instant start = interval.start().isAfter(covered) ? interval.start() : covered;
            if (start.isBefore(interval.end())) {
                seconds -= Duration.between(start, interval.end()).toSeconds();
                covered = interval.end();
            }
        }
        return seconds / 60;
    }
}
