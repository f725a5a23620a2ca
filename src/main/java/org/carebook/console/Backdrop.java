package org.carebook.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.availability.ClockBlock;
import org.carebook.availability.Interval;
import org.carebook.availability.WorkingSchedule;
import org.carebook.booking.ExternalBusy;
import org.carebook.booking.Holds;
import org.carebook.catalog.WorkingHours;
import org.carebook.kernel.Caller;
import org.springframework.stereotype.Component;

/**
 * What lies behind and between a day's appointments: hours a clinician does not work there (shaded), their
 * time off, busy times from their external calendars, times held by someone about to book (tentative), and the
 * "now" line.
 */
@Component
class Backdrop {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final WorkingHours workingHours;
    private final Holds holds;
    private final ExternalBusy externalBusy;
    private final Clock clock;

    Backdrop(WorkingHours workingHours, Holds holds, ExternalBusy externalBusy, Clock clock) {
        this.workingHours = workingHours;
        this.holds = holds;
        this.externalBusy = externalBusy;
        this.clock = clock;
    }

    List<DayView.Shade> shades(
            Caller caller, String locationId, ZoneId zone, LocalDate day, List<DayView.Column> columns) {
        var shades = new ArrayList<DayView.Shade>();
        var schedules = workingHours.schedules(caller.tenant(), null, locationId, day, day);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        var clinicianIds = columns.stream().map(DayView.Column::id).toList();
        Map<String, List<Interval>> off = workingHours.timeOff(clinicianIds, from, to);
        Map<String, List<Interval>> external = externalBusy.of(clinicianIds, new Interval(from, to));
        for (var column : columns) {
            shades.addAll(clinicianDay(
                    column.index(), schedules, column.id(), off.getOrDefault(column.id(), List.of()), zone, day));
            shades.addAll(marked(column.index(), external.getOrDefault(column.id(), List.of()), "external", zone, day));
        }
        for (var hold : holds.activeAt(caller, locationId, from, to)) {
            columns.stream()
                    .filter(c -> c.id().equals(hold.clinicianId()))
                    .findFirst()
                    .ifPresent(c -> shades.add(new DayView.Shade(
                            place(
                                    c.index(),
                                    new Interval(
                                            hold.startTime().toInstant(),
                                            hold.endTime().toInstant()),
                                    zone,
                                    day),
                            "held")));
        }
        return shades;
    }

    /** A clinician's week: a column per day, shaded where they do not work at the location or are off. */
    List<DayView.Shade> week(
            Caller caller, String locationId, ZoneId zone, String clinicianId, List<DayView.Column> days) {
        var first = LocalDate.parse(days.get(0).id());
        var last = LocalDate.parse(days.get(days.size() - 1).id());
        var schedules = workingHours.schedules(caller.tenant(), clinicianId, locationId, first, last);
        var off = workingHours
                .timeOff(
                        List.of(clinicianId),
                        first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant())
                .getOrDefault(clinicianId, List.of());
        var external = externalBusy
                .of(
                        List.of(clinicianId),
                        new Interval(
                                first.atStartOfDay(zone).toInstant(),
                                last.plusDays(1).atStartOfDay(zone).toInstant()))
                .getOrDefault(clinicianId, List.of());
        var shades = new ArrayList<DayView.Shade>();
        for (var column : days) {
            var day = LocalDate.parse(column.id());
            shades.addAll(clinicianDay(column.index(), schedules, clinicianId, off, zone, day));
            shades.addAll(marked(column.index(), external, "external", zone, day));
        }
        return shades;
    }

    /** One clinician's day in one column: the hours they do not work there, and their time off that day. */
    private static List<DayView.Shade> clinicianDay(
            int column,
            List<WorkingSchedule> schedules,
            String clinicianId,
            List<Interval> off,
            ZoneId zone,
            LocalDate day) {
        var shades = new ArrayList<>(closed(column, hoursAt(schedules, clinicianId, day)));
        shades.addAll(marked(column, off, "off", zone, day));
        return shades;
    }

    /** The parts of {@code intervals} on this day, each shaded as {@code kind}. */
    private static List<DayView.Shade> marked(
            int column, List<Interval> intervals, String kind, ZoneId zone, LocalDate day) {
        var whole = new Interval(
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        return intervals.stream()
                .filter(interval -> interval.overlaps(whole))
                .map(interval -> new DayView.Shade(place(column, interval, zone, day), kind))
                .toList();
    }

    /** The grid line of the current quarter hour, when the day shown is today there. */
    Optional<Integer> nowLine(ZoneId zone, LocalDate day) {
        var now = clock.instant().atZone(zone);
        if (!now.toLocalDate().equals(day)) {
            return Optional.empty();
        }
        var time = now.toLocalTime();
        return time.isBefore(DayView.FIRST) || !time.isBefore(DayView.LAST)
                ? Optional.empty()
                : Optional.of(DayView.line(time));
    }

    private static List<ClockBlock> hoursAt(List<WorkingSchedule> schedules, String clinicianId, LocalDate day) {
        return schedules.stream()
                .filter(s -> s.clinicianId().equals(clinicianId) && !s.remote())
                .flatMap(s -> s.hoursOn(day).stream())
                .sorted(Comparator.comparing(ClockBlock::start))
                .toList();
    }

    /** The rows of the grid outside the working blocks, as shaded runs. */
    private static List<DayView.Shade> closed(int column, List<ClockBlock> open) {
        var shades = new ArrayList<DayView.Shade>();
        int line = DayView.line(DayView.FIRST);
        for (var block : open) {
            int start = DayView.line(block.start());
            if (start > line) {
                shades.add(closedRun(column, line, start));
            }
            line = Math.max(
                    line,
                    block.end().equals(LocalTime.MIDNIGHT) ? DayView.line(DayView.LAST) : DayView.line(block.end()));
        }
        int last = DayView.line(DayView.LAST);
        if (line < last) {
            shades.add(closedRun(column, line, last));
        }
        return shades;
    }

    private static DayView.Shade closedRun(int column, int from, int to) {
        return new DayView.Shade(DayView.Place.run(column, from, to), "closed");
    }

    /** An interval's part on this day, in the location's clock, as a place on the grid. */
    private static DayView.Place place(int column, Interval interval, ZoneId zone, LocalDate day) {
        var dayStart = day.atStartOfDay(zone).toInstant();
        var dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant start = interval.start().isBefore(dayStart) ? dayStart : interval.start();
        Instant end = interval.end().isAfter(dayEnd) ? dayEnd : interval.end();
        LocalTime from = start.atZone(zone).toLocalTime();
        LocalTime to = end.equals(dayEnd) ? DayView.LAST : end.atZone(zone).toLocalTime();
        int rowStart = DayView.line(from);
        return new DayView.Place(
                column,
                rowStart,
                Math.max(DayView.line(to), rowStart + 1),
                start,
                end,
                CLOCK.format(from),
                end.equals(dayEnd) ? "24:00" : CLOCK.format(to));
    }
}
