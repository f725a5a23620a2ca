package org.carebook.console;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carebook.catalog.Hours;
import org.carebook.kernel.Problems;

/**
 * The week editor's fields: for each weekday up to {@link #BLOCKS} blocks of working hours, typed as local clock
 * times ({@code 09:00}). Its fields are named {@code monday-0-start}; a block left blank on both ends is none.
 */
record WeekForm(List<Day> days) {

    static final int BLOCKS = 3;

    /** A weekday's row: its name as posted and as read, and its blocks as typed. */
    record Day(String key, String name, List<Block> blocks) {}

    /** One block as typed; {@code field} prefixes its two inputs' names. */
    record Block(String field, String start, String end) {}

    /** The form for hours as the schedule keeps them, each day's blocks in order, blank ones after them. */
    static WeekForm of(List<Hours> hours) {
        var days = new ArrayList<Day>();
        for (var day : DayOfWeek.values()) {
            var theirs = hours.stream()
                    .filter(h -> h.dayOfWeek() == day)
                    .sorted(Comparator.comparing(Hours::startTime))
                    .toList();
            var blocks = new ArrayList<Block>();
            for (int i = 0; i < Math.max(BLOCKS, theirs.size()); i++) {
                var h = i < theirs.size() ? theirs.get(i) : null;
                blocks.add(new Block(key(day) + "-" + i, h == null ? "" : h.start(), h == null ? "" : h.end()));
            }
            days.add(new Day(key(day), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), blocks));
        }
        return new WeekForm(days);
    }

    /** The form as posted: every field read by name, anything else ignored. */
    static WeekForm read(Map<String, String> posted) {
        var days = new ArrayList<Day>();
        for (var day : DayOfWeek.values()) {
            var blocks = new ArrayList<Block>();
            for (int i = 0; i < BLOCKS; i++) {
                String field = key(day) + "-" + i;
                blocks.add(new Block(
                        field,
                        FormText.shown(posted.get(field + "-start")).strip(),
                        FormText.shown(posted.get(field + "-end")).strip()));
            }
            days.add(new Day(key(day), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), blocks));
        }
        return new WeekForm(days);
    }

    /**
     * The hours typed, or a problem for each day with a block that is half given, not a time, ends before it
     * starts or overlaps another, named by the day's key ({@code tuesday}).
     */
    List<Hours> hours(Problems problems) {
        var hours = new ArrayList<Hours>();
        for (var day : days) {
            var ofDay = new ArrayList<Hours>();
            for (var block : day.blocks()) {
                if (block.start().isEmpty() && block.end().isEmpty()) {
                    continue;
                }
                Optional<LocalTime> start = FormText.time(block.start());
                Optional<LocalTime> end = FormText.time(block.end());
                if (start.isEmpty() || end.isEmpty()) {
                    problems.add(day.key(), "give both times of a block as hours and minutes, such as 09:00");
                } else if (!end.get().isAfter(start.get())) {
                    problems.add(day.key(), "a block must end after it starts");
                } else {
                    ofDay.add(new Hours(
                            day.key(), BookingDesk.CLOCK.format(start.get()), BookingDesk.CLOCK.format(end.get())));
                }
            }
            ofDay.sort(Comparator.comparing(Hours::startTime));
            for (int i = 1; i < ofDay.size(); i++) {
                if (ofDay.get(i).startTime().isBefore(ofDay.get(i - 1).endTime())) {
                    problems.add(day.key(), "two blocks overlap");
                }
            }
            hours.addAll(ofDay);
        }
        return hours;
    }

    private static String key(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
