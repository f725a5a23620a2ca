package org.carebook.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.carebook.booking.Recurrence;
import org.carebook.booking.SeriesView;
import org.carebook.booking.SkippedDate;

/**
 * The one message a patient gets for a new series, instead of one per occurrence: every booked date in the
 * location's clock, and a calendar file with a single event that repeats by the series' own rule (RRULE), the
 * dates it skipped excluded (EXDATE), in the location's zone so that it keeps its clock time across
 * daylight-saving changes as the bookings do.
 */
final class SeriesMessages {

    private SeriesMessages() {}

    /** A booked series as a message tells it: its first occurrence looked up as any appointment's, and the rest. */
    record Course(Messages.Appointment first, SeriesView series) {

        List<SeriesView.Occurrence> booked() {
            return series.occurrences();
        }
    }

    static Message email(Course course, String from, String to, Instant now) {
        var first = course.first();
        var dates =
                course.booked().stream().map(o -> Messages.when(at(first, o))).collect(Collectors.joining("\n"));
        return Messages.email(
                Messages.Kind.SERIES,
                first,
                Map.of("when", dates, "reference", course.series().id()),
                invitation(course, from, to, now));
    }

    static Message sms(Course course) {
        var first = course.first();
        var text = Messages.Text.of(first.locale());
        int more = course.booked().size() - 1;
        String when = Messages.when(first) + (more > 0 ? " " + text.get("series.more", String.valueOf(more)) : "");
        String sms = text.get(
                "sms",
                first.clinic(),
                text.get("series.headline"),
                text.get("service.with", first.service(), first.clinician()),
                when,
                course.series().id());
        return Message.sms(first.manageUrl() == null ? sms : sms + " " + text.get("manage.sms", first.manageUrl()));
    }

    /**
     * One event from the first booked occurrence, repeating by the series' rule for the dates left from there; the
     * rule's dates that were not booked are excluded. Its UID is the series', so it is one entry in a calendar.
     */
    static String invitation(Course course, String from, String to, Instant now) {
        var first = course.first();
        var zone = first.zone();
        var start = first.start().atZone(zone);
        var text = Messages.Text.of(first.locale());
        var event = new VEvent(
                start, first.end().atZone(zone), text.get("service.with", first.service(), first.clinician()));
        event.replace(new DtStamp(now));
        event.add(new Uid(course.series().id() + "@carebook"));
        event.add(new Organizer(Messages.mailto(Messages.address(from))));
        event.add(new Attendee(Messages.mailto(to)));
        event.add(new Location(first.remote() ? text.get("where.video.short") : first.place()));
        int firstIndex = course.booked().get(0).index();
        int dates = course.booked().size() + course.series().skipped().size();
        event.add(new RRule<>(rule(course.series().recurrence(), dates - firstIndex)));
        var excluded = excluded(course.series().skipped(), firstIndex, start.toLocalTime(), zone);
        if (!excluded.isEmpty()) {
            event.add(new ExDate<>(new ParameterList(List.of(new TzId(zone.getId()))), String.join(",", excluded)));
        }
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        var calendar = Messages.calendar(ImmutableMethod.REQUEST, event);
        calendar.add(TimeZoneRegistryFactory.getInstance()
                .createRegistry()
                .getTimeZone(zone.getId())
                .getVTimeZone());
        return calendar.toString();
    }

    /** The series' rule as RFC 5545 writes it, counting {@code count} dates from the event's start. */
    static String rule(Recurrence recurrence, int count) {
        var rule = new StringBuilder("FREQ=")
                .append(recurrence.frequency().name())
                .append(";INTERVAL=")
                .append(recurrence.interval());
        if (!recurrence.byDay().isEmpty()) {
            rule.append(";BYDAY=")
                    .append(recurrence.byDay().stream()
                            .map(day -> day.name().substring(0, 2))
                            .collect(Collectors.joining(",")));
        }
        return rule.append(";COUNT=").append(count).toString();
    }

    /**
     * The local times of skipped dates after the first booked one. A date whose clock time the clocks skip is
     * excluded where RFC 5545 puts that instance: moved on by the length of the gap, as Java's zone rules do.
     */
    private static List<String> excluded(
            List<SkippedDate> skipped, int firstIndex, LocalTime time, java.time.ZoneId zone) {
        var excluded = new ArrayList<String>();
        for (var date : skipped) {
            if (date.index() > firstIndex) {
                excluded.add(Messages.LOCAL.format(ZonedDateTime.of(date.date(), time, zone)));
            }
        }
        return excluded;
    }

    private static Messages.Appointment at(Messages.Appointment first, SeriesView.Occurrence occurrence) {
        return new Messages.Appointment(
                occurrence.appointmentId(),
                first.clinic(),
                first.service(),
                first.clinician(),
                occurrence.startTime().toInstant(),
                occurrence.endTime().toInstant(),
                first.zone(),
                first.remote(),
                first.place(),
                first.firstName(),
                1,
                first.locale(),
                null,
                null);
    }
}
