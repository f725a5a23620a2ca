package org.carebook.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The open time on a grid: the runs of quarter hours in a column that lie in working hours and hold neither an
 * appointment, time off nor a hold, and have not begun. Clicking one books there; it is a guide, not a promise:
 * the booking page offers the type's real free times and the booking core decides.
 */
final class Openings {

    private Openings() {}

    /**
     * The column's clinician and day, and the first grid line still to come in it ({@code null}: none, a day gone).
     */
    record ColumnDay(String clinicianId, String who, LocalDate date, Integer firstLine) {}

    static List<DayView.Opening> of(
            List<DayView.Column> columns,
            List<DayView.Shade> shades,
            List<DayView.Block> blocks,
            IntFunction<ColumnDay> dayOf) {
        var openings = new ArrayList<DayView.Opening>();
        int end = 2 + DayView.ROWS;
        for (var column : columns) {
            var day = dayOf.apply(column.index());
            if (day == null || day.firstLine() == null) {
                continue;
            }
            boolean[] taken = new boolean[end];
            shades.stream().filter(s -> s.place().column() == column.index()).forEach(s -> cover(taken, s.place()));
            blocks.stream().filter(b -> b.place().column() == column.index()).forEach(b -> cover(taken, b.place()));
            int line = Math.max(2, day.firstLine());
            while (line < end) {
                if (taken[line]) {
                    line++;
                    continue;
                }
                int from = line;
                while (line < end && !taken[line]) {
                    line++;
                }
                openings.add(opening(column.index(), from, line, day));
            }
        }
        return openings;
    }

    /** The first grid line of {@code day} still to come: the next quarter hour today, none on a day gone. */
    static Integer firstLine(Instant now, ZoneId zone, LocalDate day) {
        var here = now.atZone(zone);
        if (day.isBefore(here.toLocalDate())) {
            return null;
        }
        if (day.isAfter(here.toLocalDate()) || here.toLocalTime().isBefore(DayView.FIRST)) {
            return 2;
        }
        return here.toLocalTime().isBefore(DayView.LAST) ? DayView.line(here.toLocalTime()) + 1 : null;
    }

    /** The local clock time at a grid line. */
    static LocalTime timeAt(int line) {
        return DayView.FIRST.plus(DayView.ROW.multipliedBy(line - 2L));
    }

    private static void cover(boolean[] taken, DayView.Place place) {
        for (int line = Math.max(2, place.rowStart()); line < Math.min(taken.length, place.rowEnd()); line++) {
            taken[line] = true;
        }
    }

    private static DayView.Opening opening(int column, int from, int to, ColumnDay day) {
        var place = new DayView.Place(
                column,
                from,
                to,
                null,
                null,
                BookingDesk.CLOCK.format(timeAt(from)),
                BookingDesk.CLOCK.format(timeAt(to)));
        return new DayView.Opening(place, day.clinicianId(), day.who(), day.date());
    }
}
