package org.carebook.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/** Writes the e-mails, text messages and calendar invitations of notifications from their templates. */
final class Messages {

    private static final String EMAIL_TEXT = template("email.txt");
    private static final String EMAIL_HTML = template("email.html");
    private static final String SMS = template("sms.txt");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_IN_FORCE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private Messages() {}

    /** What a message is about: one appointment, with everything already looked up. */
    record Appointment(
            String id,
            String clinic,
            String service,
            String clinician,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean remote,
            String place,
            String firstName,
            int sequence) {}

    enum Kind {
        CONFIRMATION(
                "confirmation",
                "Your appointment is booked.",
                "Your appointment is booked. The attached invitation adds it to your calendar."),
        RESCHEDULE(
                "reschedule",
                "Your appointment has moved.",
                "Your appointment has a new time. The attached invitation updates your calendar."),
        CANCELLATION(
                "cancellation",
                "Your appointment is cancelled.",
                "Your appointment has been cancelled. The attached file removes it from your calendar."),
        REMINDER("reminder", "A reminder of your appointment.", "This is a reminder of your coming appointment.");

        final String wire;
        final String headline;
        final String intro;

        Kind(String wire, String headline, String intro) {
            this.wire = wire;
            this.headline = headline;
            this.intro = intro;
        }
    }

    static Message email(Kind kind, Appointment appointment, String from, String to, Instant now) {
        var values = values(kind, appointment);
        String subject = appointment.clinic() + ": " + kind.headline;
        String calendar = kind == Kind.REMINDER ? null : invitation(kind, appointment, from, to, now);
        return new Message(subject, fill(EMAIL_TEXT, values, false), fill(EMAIL_HTML, values, true), calendar);
    }

    static Message sms(Kind kind, Appointment appointment) {
        return Message.sms(fill(SMS, values(kind, appointment), false).strip());
    }

    /**
     * {@code Tuesday 12 January 2027, 09:00–09:30 (Europe/London, GMT)}: the location's own clock, its zone
     * named with the abbreviation in force at the start (GMT in winter, BST in summer), not the zone's
     * generic name.
     */
    static String when(Appointment a) {
        var start = a.start().atZone(a.zone());
        return DAY.format(start) + "–" + TIME.format(a.end().atZone(a.zone())) + " ("
                + a.zone().getId() + ", " + ZONE_IN_FORCE.format(start) + ")";
    }

    private static Map<String, String> values(Kind kind, Appointment a) {
        return Map.of(
                "headline",
                kind.headline,
                "intro",
                kind.intro,
                "first_name",
                a.firstName(),
                "service",
                a.service(),
                "clinician",
                a.clinician(),
                "when",
                when(a),
                "where",
                a.remote() ? "Video appointment: the clinic sends you the link before it starts." : a.place(),
                "reference",
                a.id(),
                "clinic",
                a.clinic());
    }

    /**
     * An iTIP invitation: METHOD:REQUEST to add or update, METHOD:CANCEL to remove. The UID is the same for
     * every message about one appointment, and SEQUENCE grows with each change, so calendars update in place.
     */
    static String invitation(Kind kind, Appointment a, String from, String to, Instant now) {
        var event = new VEvent(a.start(), a.end(), a.service() + " with " + a.clinician());
        event.replace(new DtStamp(now));
        event.add(new Uid(a.id() + "@carebook"));
        event.add(new Sequence(Math.max(0, a.sequence() - 1)));
        event.add(new Organizer(mailto(address(from))));
        event.add(new Attendee(mailto(to)));
        event.add(new Location(a.remote() ? "Video appointment" : a.place()));
        event.add(kind == Kind.CANCELLATION ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Carebook//Carebook appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(kind == Kind.CANCELLATION ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return calendar.toString();
    }

    /** A {@code mailto:} URI for any address: characters such as {@code { | %} are escaped, not refused. */
    static URI mailto(String address) {
        try {
            return new URI("mailto", address, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address", e);
        }
    }

    /** The bare address of {@code Name <address>}. */
    static String address(String mailbox) {
        int open = mailbox.indexOf('<');
        return open < 0
                ? mailbox.strip()
                : mailbox.substring(open + 1, mailbox.indexOf('>', open)).strip();
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        String text = template;
        for (var entry : values.entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue();
            text = text.replace("{{" + entry.getKey() + "}}", html ? HtmlUtils.htmlEscape(value) : value);
        }
        return text;
    }

    private static String template(String name) {
        try {
            return new ClassPathResource("notifications/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
