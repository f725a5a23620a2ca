package org.carebook.console;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.carebook.catalog.Hours;

/** Weekly hours in one line, days with the same hours run together: "Mon–Fri 09:00–17:00 · Sat 09:00–12:00". */
final class HoursSummary {

    private HoursSummary() {}

    static String of(List<Hours> hours) {
        var parts = new ArrayList<String>();
        DayOfWeek first = null;
        DayOfWeek last = null;
        String blocks = "";
        for (var day : DayOfWeek.values()) {
            String these = blocksOn(hours, day);
            if (first != null && these.equals(blocks)) {
                last = day;
                continue;
            }
            if (first != null && !blocks.isEmpty()) {
                parts.add(days(first, last) + " " + blocks);
            }
            first = day;
            last = day;
            blocks = these;
        }
        if (first != null && !blocks.isEmpty()) {
            parts.add(days(first, last) + " " + blocks);
        }
        return parts.isEmpty() ? "No hours" : String.join(" · ", parts);
    }

    private static String blocksOn(List<Hours> hours, DayOfWeek day) {
        return hours.stream()
                .filter(h -> h.dayOfWeek() == day)
                .sorted(Comparator.comparing(Hours::startTime))
                .map(h -> h.start() + "–" + h.end())
                .collect(Collectors.joining(", "));
    }

    private static String days(DayOfWeek first, DayOfWeek last) {
        String from = first.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return first == last ? from : from + "–" + last.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
