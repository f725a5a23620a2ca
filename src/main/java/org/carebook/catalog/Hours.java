package org.carebook.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.carebook.kernel.Problems;

/** Blocks of working hours as local clock times: {@code {day?, start, end}}, "HH:MM" strings on the wire. */
public record Hours(String day, String start, String end) {

    public LocalTime startTime() {
        return LocalTime.parse(start);
    }

    public LocalTime endTime() {
        return LocalTime.parse(end);
    }

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
    }

    /** Blocks of one day may not overlap; the problem is reported on the later block. */
    static void rejectOverlaps(Problems problems, String field, List<Hours> hours) {
        Map<String, List<Integer>> byDay = new java.util.HashMap<>();
        for (int i = 0; i < hours.size(); i++) {
            Hours h = hours.get(i);
            if (h.start() != null && h.end() != null && (h.day() == null || isDay(h.day()))) {
                byDay.computeIfAbsent(String.valueOf(h.day()), d -> new ArrayList<>())
                        .add(i);
            }
        }
        for (List<Integer> indexes : byDay.values()) {
            indexes.sort(Comparator.comparing(i -> hours.get(i).startTime()));
            for (int k = 1; k < indexes.size(); k++) {
                Hours previous = hours.get(indexes.get(k - 1));
                Hours current = hours.get(indexes.get(k));
                if (current.startTime().isBefore(previous.endTime())) {
                    problems.add(field + "[" + indexes.get(k) + "]", "overlaps another block of the same day");
                }
            }
        }
    }

    static boolean isDay(String day) {
        return java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> d.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet())
                .contains(day);
    }
}
