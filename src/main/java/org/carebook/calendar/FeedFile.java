package org.carebook.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;

/**
 * A subscription's iCalendar text and its entity tag. An event says "Booked" unless the organization lets feeds
 * name patients; it never carries notes, reasons or contact details, which a calendar app may sync anywhere.
 */
record FeedFile(String text, String etag) {

    static final String PRODUCT = "-//Carebook//Carebook calendar feed//EN";

    /** What each event shows beside its time: the type's and place's names, and the patient's when allowed. */
    record Names(
            String calendar, Map<String, String> types, Map<String, String> places, Map<String, String> patients) {}

    static FeedFile of(List<AppointmentView> appointments, Names names) {
        var calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", names.calendar()));
        for (var appointment : appointments) {
            calendar.add(event(appointment, names));
        }
        String text = calendar.toString();
        return new FeedFile(text, etag(text));
    }

    private static VEvent event(AppointmentView appointment, Names names) {
        String patient = names.patients().get(appointment.patientId());
        String type = names.types().getOrDefault(appointment.appointmentTypeId(), "Appointment");
        String summary = patient == null ? "Booked" : patient + " (" + type + ")";
        var event = new VEvent(
                appointment.startTime().toInstant(), appointment.endTime().toInstant(), summary);
        event.replace(new DtStamp(appointment.updatedAt().toInstant()));
        event.add(new Uid(appointment.id() + "@carebook"));
        event.add(
                appointment.status() == AppointmentStatus.PENDING
                        ? ImmutableStatus.VEVENT_TENTATIVE
                        : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Location(
                appointment.isRemote()
                        ? "Video appointment"
                        : names.places().getOrDefault(appointment.locationId(), "")));
        if (patient != null) {
            event.add(new Description(type));
        }
        return event;
    }

    /** A strong tag of the text itself: a client that has it is told 304 and downloads nothing. */
    private static String etag(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
