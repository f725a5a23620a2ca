package org.carebook.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Transp;
import org.carebook.availability.Interval;

/**
 * Turns iCalendar text into busy time: every event that is not transparent ("free") or cancelled, repeated events
 * expanded over the window with their moved and cancelled occurrences applied, all-day and floating times read in
 * the clinician's zone. Overlapping and touching times are merged, so the same calendar always gives the same
 * intervals however its events are split.
 */
final class BusyReader {

    /** More events than a clinician's calendar plausibly has in the window: past this, the link is refused. */
    static final int MOST_EVENTS = 5000;

    /** A calendar that cannot be read, with a reason fit to show (no event's content). */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    private BusyReader() {}

    static List<Interval> busy(List<String> calendars, ZoneId zone, Interval window) throws Unreadable {
        var busy = new ArrayList<Interval>();
        for (String text : calendars) {
            busy.addAll(busyIn(events(text), zone, window));
            if (busy.size() > MOST_EVENTS) {
                throw new Unreadable("has more than " + MOST_EVENTS + " busy times in the next year");
            }
        }
        return merged(busy);
    }

    private static List<VEvent> events(String text) throws Unreadable {
        try {
            return new CalendarBuilder().build(new StringReader(text)).getComponents(Component.VEVENT);
        } catch (IOException | ParserException | RuntimeException e) {
            throw new Unreadable("is not an iCalendar file");
        }
    }

    private static List<Interval> busyIn(List<VEvent> events, ZoneId zone, Interval window) {
        // Occurrences moved or cancelled on their own, by the event they belong to and the time they replace.
        Map<String, Set<Instant>> replaced = new HashMap<>();
        for (var event : events) {
            event.<RecurrenceId<Temporal>>getProperty(Property.RECURRENCE_ID)
                    .ifPresent(id -> replaced.computeIfAbsent(uid(event), k -> new HashSet<>())
                            .add(instant(id.getDate(), zone)));
        }
        var period = new Period<ZonedDateTime>(
                window.start().atZone(zone), window.end().atZone(zone));
        var busy = new ArrayList<Interval>();
        for (var event : events) {
            if (!blocks(event)) {
                continue;
            }
            boolean master = event.getProperty(Property.RECURRENCE_ID).isEmpty();
            var skip = master ? replaced.getOrDefault(uid(event), Set.of()) : Set.<Instant>of();
            for (Period<Temporal> occurrence : event.<Temporal>calculateRecurrenceSet(period)) {
                Instant start = instant(occurrence.getStart(), zone);
                Instant end = instant(occurrence.getEnd(), zone);
                if (end.isAfter(start) && !skip.contains(start)) {
                    busy.add(new Interval(start, end));
                }
            }
        }
        return busy;
    }

    /** Whether the event takes time: not marked free, not cancelled. */
    private static boolean blocks(VEvent event) {
        boolean free = event.<Transp>getProperty(Property.TRANSP)
                .map(t -> "TRANSPARENT".equalsIgnoreCase(t.getValue()))
                .orElse(false);
        boolean cancelled = event.<Status>getProperty(Property.STATUS)
                .map(s -> "CANCELLED".equalsIgnoreCase(s.getValue()))
                .orElse(false);
        return !free && !cancelled && event.getProperty(Property.DTSTART).isPresent();
    }

    private static String uid(VEvent event) {
        return event.getProperty(Property.UID).map(Property::getValue).orElse("");
    }

    /**
     * The instant a time names: its own for a time with a zone or offset, the clinician's zone's for a floating time
     * or a date. (ical4j's own {@code Period.toInterval(zone)} reads zoned times as wall-clock times in the given
     * zone, which moves them by the difference.)
     */
    static Instant instant(Temporal value, ZoneId zone) {
        if (value instanceof java.time.LocalDate date) {
            return date.atStartOfDay(zone).toInstant();
        }
        if (value instanceof java.time.LocalDateTime floating) {
            return floating.atZone(zone).toInstant();
        }
        return Instant.from(value); // Instant, OffsetDateTime, ZonedDateTime
    }

    /** Sorted, with overlapping and touching intervals joined. */
    static List<Interval> merged(List<Interval> intervals) {
        var sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        var merged = new ArrayList<Interval>();
        for (var next : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && !next.start().isAfter(merged.get(last).end())) {
                var joined = merged.get(last);
                if (next.end().isAfter(joined.end())) {
                    merged.set(last, new Interval(joined.start(), next.end()));
                }
            } else {
                merged.add(next);
            }
        }
        return merged;
    }
}
