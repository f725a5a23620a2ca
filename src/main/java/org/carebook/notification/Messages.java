package org.carebook.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);

    /** The languages patient messages are written in; any other preferred language gets English. */
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    private Messages() {}

    /**
     * What a message is about: one appointment, with everything already looked up, the language to write in,
     * and the patient's manage link (none once it is cancelled).
     */
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
            int sequence,
            Locale locale,
            String manageUrl,
            SeriesDate seriesDate) {}

    /**
     * The date of a series an appointment was booked on: its invitations are that instance of the series' one
     * repeating event (the series' UID, and the date's original local start as RECURRENCE-ID).
     */
    record SeriesDate(String seriesId, java.time.LocalDateTime originalStart) {}

    enum Kind {
        CONFIRMATION("confirmation"),
        RESCHEDULE("reschedule"),
        CANCELLATION("cancellation"),
        REMINDER("reminder"),
        /** The one message for a whole series: every date, and one repeating calendar event. */
        SERIES("series"),
        /** An online booking waiting for the clinic's approval: nothing for the calendar yet. */
        REQUESTED("requested"),
        /** A booking request the clinic did not approve. */
        DECLINED("declined"),
        /** A freed time the waitlist holds for the patient, with the link to accept or decline it. */
        WAITLIST_OFFER("waitlist_offer");

        final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** Whether its e-mail carries a calendar invitation: not a reminder, nor a request or its refusal. */
        boolean invites() {
            return this == CONFIRMATION || this == RESCHEDULE || this == CANCELLATION || this == SERIES;
        }

        /** Whether the appointment it tells of is kept, so reminders follow. */
        boolean keepsTime() {
            return this == CONFIRMATION || this == RESCHEDULE;
        }
    }

    /** The nearest language we write to a BCP 47 tag such as {@code de-AT}; English for none or another. */
    static Locale locale(String preferredLanguage) {
        String language = preferredLanguage == null
                ? "en"
                : Locale.forLanguageTag(preferredLanguage).getLanguage();
        return Locale.forLanguageTag(LANGUAGES.contains(language) ? language : "en");
    }

    static Message email(Kind kind, Appointment appointment, String from, String to, Instant now) {
        return email(kind, appointment, from, to, now, null);
    }

    /** As above, with the clinic's {@code note} to the patient (a reason for declining) shown when there is one. */
    static Message email(Kind kind, Appointment appointment, String from, String to, Instant now, String note) {
        String calendar = kind.invites() ? invitation(kind, appointment, from, to, now) : null;
        if (note == null || note.isBlank()) {
            return email(kind, appointment, Map.of(), calendar);
        }
        var text = Text.of(appointment.locale());
        return email(kind, appointment, Map.of("note", note.strip(), "label_note", text.get("label.note")), calendar);
    }

    /** The e-mail of {@code kind} about {@code appointment}, with some of the template's values given instead. */
    static Message email(Kind kind, Appointment appointment, Map<String, String> instead, String calendar) {
        var text = Text.of(appointment.locale());
        var values = values(kind, appointment, text);
        values.putAll(instead);
        String subject = appointment.clinic() + ": " + text.get(kind.wire + ".headline");
        return new Message(subject, fill(EMAIL_TEXT, values, false), fill(EMAIL_HTML, values, true), calendar);
    }

    /** The offer of a freed time, held until {@code until}: its link accepts or declines it; nothing for the calendar. */
    static Message offerEmail(Appointment a, Instant until) {
        var text = Text.of(a.locale());
        return email(
                Kind.WAITLIST_OFFER,
                a,
                Map.of(
                        "intro", text.get("waitlist_offer.intro", at(a, until)),
                        "manage_text", text.get("waitlist_offer.link")),
                null);
    }

    static Message offerSms(Appointment a, Instant until) {
        var text = Text.of(a.locale());
        return Message.sms(text.get(
                "waitlist_offer.sms",
                a.clinic(),
                text.get("service.with", a.service(), a.clinician()),
                when(a),
                at(a, until),
                a.manageUrl()));
    }

    /** A moment in the location's clock, in the message's language. */
    private static String at(Appointment a, Instant moment) {
        var day = DateTimeFormatter.ofPattern(Text.of(a.locale()).get("day.pattern"), a.locale());
        return day.format(moment.atZone(a.zone()));
    }

    static Message sms(Kind kind, Appointment a) {
        var text = Text.of(a.locale());
        String sms = text.get(
                "sms",
                a.clinic(),
                text.get(kind.wire + ".headline"),
                text.get("service.with", a.service(), a.clinician()),
                when(a),
                a.id());
        return Message.sms(a.manageUrl() == null ? sms : sms + " " + text.get("manage.sms", a.manageUrl()));
    }

    /**
     * {@code Tuesday 8 December 2026, 09:00–09:30 (Europe/London, GMT)} in English: the location's own clock,
     * in the message's language, its zone named with the abbreviation in force at the start (GMT in winter,
     * BST in summer), not the zone's generic name.
     */
    static String when(Appointment a) {
        var start = a.start().atZone(a.zone());
        var day = DateTimeFormatter.ofPattern(Text.of(a.locale()).get("day.pattern"), a.locale());
        var zone = DateTimeFormatter.ofPattern("zzz", a.locale());
        return day.format(start) + "–" + TIME.format(a.end().atZone(a.zone())) + " ("
                + a.zone().getId() + ", " + zone.format(start) + ")";
    }

    private static Map<String, String> values(Kind kind, Appointment a, Text text) {
        var values = new HashMap<String, String>();
        values.put("lang", a.locale().getLanguage());
        values.put("headline", text.get(kind.wire + ".headline"));
        values.put("intro", text.get(kind.wire + ".intro"));
        values.put("greeting", text.get("greeting", a.firstName()));
        for (String label : List.of("what", "when", "where", "reference")) {
            values.put("label_" + label, text.get("label." + label));
        }
        values.put("what", text.get("service.with", a.service(), a.clinician()));
        values.put("when", when(a));
        values.put("where", a.remote() ? text.get("where.video") : a.place());
        values.put("reference", a.id());
        values.put("clinic", a.clinic());
        if (a.manageUrl() != null) {
            values.put("manage", "yes");
            values.put("manage_text", text.get("manage"));
            values.put("manage_url", a.manageUrl());
        }
        return values;
    }

    /** A language's patient texts, from {@code notifications/messages_*.properties}. */
    record Text(ResourceBundle bundle) {

        static Text of(Locale locale) {
            // No fallback to the server's own locale: a language we do not have gets the English base bundle.
            return new Text(ResourceBundle.getBundle(
                    "notifications.messages",
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }

        /** The text of {@code key} with {@code {0}}, {@code {1}}, … replaced by the arguments, as written. */
        String get(String key, String... arguments) {
            String text = bundle.getString(key);
            for (int i = 0; i < arguments.length; i++) {
                text = text.replace("{" + i + "}", arguments[i] == null ? "" : arguments[i]);
            }
            return text;
        }
    }

    /**
     * An iTIP invitation: METHOD:REQUEST to add or update, METHOD:CANCEL to remove. The UID is the same for
     * every message about one appointment, and SEQUENCE grows with each change, so calendars update in place.
     */
    static String invitation(Kind kind, Appointment a, String from, String to, Instant now) {
        var text = Text.of(a.locale());
        var event = new VEvent(a.start(), a.end(), text.get("service.with", a.service(), a.clinician()));
        event.replace(new DtStamp(now));
        if (a.seriesDate() == null) {
            event.add(new Uid(a.id() + "@carebook"));
        } else {
            event.add(new Uid(a.seriesDate().seriesId() + "@carebook"));
            event.add(new RecurrenceId<>(
                    new ParameterList(List.of(new TzId(a.zone().getId()))),
                    LOCAL.format(a.seriesDate().originalStart())));
        }
        event.add(new Sequence(Math.max(0, a.sequence() - 1)));
        event.add(new Organizer(mailto(address(from))));
        event.add(new Attendee(mailto(to)));
        event.add(new Location(a.remote() ? text.get("where.video.short") : a.place()));
        if (a.manageUrl() != null && kind != Kind.CANCELLATION) {
            event.add(new Url(URI.create(a.manageUrl())));
            event.add(new Description(text.get("manage") + " " + a.manageUrl()));
        }
        event.add(kind == Kind.CANCELLATION ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return calendar(kind == Kind.CANCELLATION ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST, event)
                .toString();
    }

    /** A calendar of one event, as an invitation sends it. */
    static Calendar calendar(net.fortuna.ical4j.model.property.Method method, VEvent event) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Carebook//Carebook appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(event);
        return calendar;
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

    /** Fills {@code {{name}}}; a {@code {{#name}}…{{/name}}} section stays only when {@code name} has a value. */
    private static String fill(String template, Map<String, String> values, boolean html) {
        String text = SECTION.matcher(template)
                .replaceAll(section -> values.containsKey(section.group(1))
                        ? java.util.regex.Matcher.quoteReplacement(section.group(2))
                        : "");
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
