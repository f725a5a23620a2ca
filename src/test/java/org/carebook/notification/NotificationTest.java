package org.carebook.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.carebook.support.MutableClock;
import org.carebook.support.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** E-mail through a real SMTP server (GreenMail), SMS through a real HTTP server, reminders by moving the clock. */
@TestPropertySource(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "carebook.notification-poll=PT0.2S",
            "carebook.mail-from=London Bridge Clinic <appointments@clinic.example>",
            "carebook.sms-per-phone-per-day=2"
        })
@Import(MutableClock.Configuration.class)
class NotificationTest extends ApiTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final Receiver SMS_PROVIDER = receiver();
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry registry) {
        registry.add("carebook.sms-url", () -> SMS_PROVIDER.url().replace("/hooks", ""));
        registry.add("carebook.sms-account", () -> "AC123");
        registry.add("carebook.sms-token", () -> "secret-token");
        registry.add("carebook.sms-from", () -> "+15005550006");
    }

    @AfterAll
    static void stopSmsProvider() {
        SMS_PROVIDER.close();
    }

    @Autowired
    MutableClock clock;

    private Clinic clinic;
    private String doctor;
    private String type;

    @BeforeEach
    void clinic() {
        clinic = Clinic.in(newOrganization(), "Europe/London");
        doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "00:00", "23:30");
        type = clinic.type("name", "General consultation");
    }

    @Test
    void aBookingIsConfirmedByEmailWithACalendarInvitation() throws Exception {
        String id = book("2027-01-12T09:00:00Z", "ada@example.com", null);

        var message = awaitMail(1).get(0);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(message.getSubject()).contains("booked");
        String text = GreenMailUtil.getBody(message);
        assertThat(text)
                .contains("Tuesday 12 January 2027, 09:00")
                .contains("Europe/London")
                .contains("Harley Street");
        var invitation = invitation(message);
        assertThat(invitation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        var event = (VEvent) invitation.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(id + "@carebook");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270112T090000Z");
        awaitNotification(
                id,
                n -> n.get("kind").stringValue().equals("confirmation")
                        && n.get("status").stringValue().equals("sent"));
        assertThat(notifications(id))
                .extracting(
                        n -> n.get("kind").stringValue() + "/" + n.get("status").stringValue())
                .containsExactlyInAnyOrder("confirmation/sent", "reminder/queued");
    }

    /**
     * One e-mail for twelve weekly dates, one of them taken: the invitation is one event in the London zone that
     * repeats by the series' rule, and ical4j expands it to exactly the eleven booked times, across the end of
     * summer time. Each occurrence still has its reminder, and no confirmation of its own.
     */
    @Test
    void aSeriesIsConfirmedByOneEmailWhoseInvitationExpandsToTheBookedDates() throws Exception {
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-10-12T10:00:00+01:00"), 201);
        String patient = clinic.patient("first_name", "Ada", "email", "ada@example.com");

        var series = Clinic.expect(
                        clinic.api.post(
                                "/v1/appointment-series",
                                Map.of(
                                        "patient_id",
                                        patient,
                                        "appointment_type_id",
                                        type,
                                        "clinician_id",
                                        doctor,
                                        "location_id",
                                        clinic.locationId,
                                        "start_time",
                                        "2027-09-28T10:00:00+01:00",
                                        "recurrence",
                                        Map.of("frequency", "weekly", "count", 12),
                                        "on_conflict",
                                        "skip")),
                        201)
                .data();

        var message = awaitMail(1).get(0);
        assertThat(GreenMailUtil.getBody(message))
                .contains("Tuesday 28 September 2027, 10:00")
                .contains("Tuesday 14 December 2027, 10:00")
                .doesNotContain("12 October");
        var event = (VEvent) invitation(message).getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue())
                .isEqualTo(series.get("id").stringValue() + "@carebook");
        assertThat(event.getProperty("RRULE").orElseThrow().getValue())
                .contains("FREQ=WEEKLY")
                .contains("COUNT=12");
        var from = java.time.ZonedDateTime.parse("2027-09-01T00:00:00Z");
        var expanded =
                event.calculateRecurrenceSet(new net.fortuna.ical4j.model.Period<>(from, from.plusYears(1))).stream()
                        .map(period ->
                                java.time.OffsetDateTime.from(period.getStart()).toInstant())
                        .sorted()
                        .toList();
        var booked = new ArrayList<java.time.Instant>();
        series.get("occurrences")
                .forEach(o ->
                        booked.add(java.time.Instant.parse(o.get("start_time").stringValue())));
        assertThat(expanded).hasSize(11).isEqualTo(booked);
        String first = series.get("occurrences").get(0).get("appointment_id").stringValue();
        String last = series.get("occurrences").get(10).get("appointment_id").stringValue();
        assertThat(notifications(first))
                .extracting(n -> n.get("kind").stringValue())
                .containsExactlyInAnyOrder("series", "reminder");
        assertThat(notifications(last))
                .extracting(n -> n.get("kind").stringValue())
                .containsExactly("reminder");

        // One date cancelled later is that instance of the series' event, as the calendar knows it.
        String third = series.get("occurrences").get(2).get("appointment_id").stringValue();
        Clinic.expect(clinic.api.post("/v1/appointments/" + third + "/cancel", Map.of()), 200);
        var cancellation = invitation(awaitMail(2).get(1));
        assertThat(cancellation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        var instance = (VEvent) cancellation.getComponent("VEVENT").orElseThrow();
        assertThat(instance.getProperty("UID").orElseThrow().getValue())
                .isEqualTo(series.get("id").stringValue() + "@carebook");
        var recurrenceId = instance.getProperty("RECURRENCE-ID").orElseThrow();
        assertThat(recurrenceId.getValue()).isEqualTo("20271019T100000");
        assertThat(recurrenceId.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
    }

    /**
     * A booking left pending hears that its request arrived, with no invitation and no reminder; approving it
     * sends the confirmation and plans the reminders.
     */
    @Test
    void approvingAPendingBookingSendsTheConfirmationWithItsManageLinkAndPlansTheReminder() throws Exception {
        String patient = clinic.patient("first_name", "Ada", "email", "ada@example.com");
        String id = Clinic.expect(clinic.book(type, doctor, patient, "2027-01-12T09:00:00Z", "status", "pending"), 201)
                .id();
        var requested = awaitMail(1).get(0);
        assertThat(requested.getSubject()).contains("request");
        assertThat(notifications(id))
                .extracting(n -> n.get("kind").stringValue())
                .containsExactly("requested");

        Clinic.expect(clinic.api.post("/v1/appointments/" + id + "/confirm", Map.of()), 200);

        var event =
                (VEvent) invitation(awaitMail(2).get(1)).getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("URL").orElseThrow().getValue()).contains("/manage#cbm_");
        assertThat(notifications(id))
                .extracting(n -> n.get("kind").stringValue())
                .containsExactlyInAnyOrder("requested", "confirmation", "reminder");
        assertThat(clinic.api.get("/v1/events?type=appointment.confirmed").data())
                .hasSize(1);
    }

    @Test
    void aCancellationCancelsTheSameInvitationAndDropsTheReminder() throws Exception {
        String id = book("2027-01-12T09:00:00Z", "ada@example.com", null);
        awaitMail(1);

        clinic.api.post("/v1/appointments/" + id + "/cancel", Map.of());

        var cancellation = awaitMail(2).get(1);
        var invitation = invitation(cancellation);
        assertThat(invitation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        var event = (VEvent) invitation.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(id + "@carebook");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(notifications(id))
                .extracting(n -> n.get("kind").stringValue())
                .containsExactly("confirmation", "cancellation");
    }

    @Test
    void aMovedAppointmentIsUpdatedWithAHigherSequenceAndItsReminderMoves() throws Exception {
        String id = book("2027-01-12T09:00:00Z", "ada@example.com", null);
        awaitMail(1);

        clinic.api.patch("/v1/appointments/" + id, Map.of("start_time", "2027-01-13T11:00:00Z"));

        var update = invitation(awaitMail(2).get(1));
        var event = (VEvent) update.getComponent("VEVENT").orElseThrow();
        assertThat(update.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270113T110000Z");
        var reminders = notifications(id).stream()
                .filter(n -> n.get("kind").stringValue().equals("reminder"))
                .toList();
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).get("send_after").stringValue()).isEqualTo("2027-01-12T11:00:00Z");
    }

    @Test
    void aReminderIsSentOnceWhenItsTimeComes() throws Exception {
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        String id = book(start.toString(), "ada@example.com", null);
        awaitMail(1);

        clock.advance(Duration.ofHours(25));

        var reminder = awaitMail(2).get(1);
        assertThat(reminder.getSubject()).contains("reminder");
        awaitNotification(
                id,
                n -> n.get("kind").stringValue().equals("reminder")
                        && n.get("status").stringValue().equals("sent"));
        Thread.sleep(1_000);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(notifications(id))
                .extracting(
                        n -> n.get("kind").stringValue() + "/" + n.get("status").stringValue())
                .containsExactlyInAnyOrder("confirmation/sent", "reminder/sent");
    }

    @Test
    void anSmsGoesThroughTheProviderWhenThePatientHasAPhone() throws Exception {
        String id = book("2027-01-12T09:00:00Z", null, "+442079460123");

        var request = SMS_PROVIDER.await(1, WAIT).get(0);
        assertThat(request.header("authorization"))
                .isEqualTo("Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        "AC123:secret-token".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(request.body())
                .contains("To=%2B442079460123")
                .contains("From=%2B15005550006")
                .contains("General+consultation");
        awaitNotification(
                id,
                n -> n.get("channel").stringValue().equals("sms")
                        && n.get("kind").stringValue().equals("confirmation")
                        && n.get("status").stringValue().equals("sent"));
    }

    /**
     * A waiting patient with a phone is texted the offer too, with the offer's link, not an appointment's. The time
     * is a Tuesday at 09:00: the cancelled one, or one the clinician's new hours freed (they free the next 31 days).
     */
    @Test
    void aWaitlistOfferIsTextedWithItsLink() throws Exception {
        String booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-01-12T09:00:00Z"), 201)
                .id();
        String waiting = clinic.patient("first_name", "Ada", "phone", "+442079460777");
        String entry = Clinic.expect(
                        clinic.api.post(
                                "/v1/waitlist-entries",
                                Map.of(
                                        "patient_id",
                                        waiting,
                                        "appointment_type_id",
                                        type,
                                        "days",
                                        List.of("tuesday"),
                                        "times",
                                        List.of(Map.of("start", "09:00", "end", "09:30")),
                                        "until",
                                        "2027-01-12")),
                        201)
                .id();

        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);

        var text = SMS_PROVIDER.await(1, WAIT).get(0).body();
        assertThat(text)
                .contains("To=%2B442079460777")
                .contains("%2Foffer%23cbm_")
                .doesNotContain("%2Fmanage");
        assertThat(java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8))
                .contains("a time has come free for you")
                .contains("Tuesday")
                .contains(", 09:00–09:30 (Europe/London");
        // off the list, so that no later offer (the clock moves in other tests) texts this number again
        Clinic.expect(clinic.api.delete("/v1/waitlist-entries/" + entry), 200);
    }

    @Test
    void anSmsGoesOnlyToTheCountriesTheOrganizationTexts() throws Exception {
        String abroad = book("2027-01-12T09:00:00Z", null, "+1 202 555 0123");
        var held = awaitNotification(abroad, n -> n.get("channel").stringValue().equals("sms"));
        assertThat(held.get("status").stringValue()).isEqualTo("suppressed");
        assertThat(held.get("suppressed_reason").stringValue()).isEqualTo("country_not_allowed");

        var widened = clinic.api.patch("/v1/organization", Map.of("sms_countries", List.of("GB", "US")));
        assertThat(widened.data().get("sms_countries").valueStream().map(JsonNode::stringValue))
                .containsExactly("GB", "US");
        String allowed = book("2027-01-12T10:00:00Z", null, "+1 202 555 0124");

        assertThat(SMS_PROVIDER.await(1, WAIT))
                .hasSize(1)
                .allSatisfy(r -> assertThat(r.body()).contains("%2B12025550124"));
        awaitNotification(
                allowed,
                n -> n.get("channel").stringValue().equals("sms")
                        && n.get("status").stringValue().equals("sent"));
        assertThat(SMS_PROVIDER.received()).isEmpty();
    }

    @Test
    void aPhoneNumberGetsAtMostTheDaysLimitOfTextsWhicheverClinicBooks() throws Exception {
        String first = book("2027-01-12T09:00:00Z", null, "+442079460999");
        String second = book("2027-01-12T10:00:00Z", null, "+442079460999");
        var otherClinic = Clinic.in(newOrganization(), "Europe/London");
        String otherDoctor = otherClinic.clinician("Dr Other");
        String third = Clinic.expect(
                        otherClinic.book(
                                otherClinic.type(),
                                otherDoctor,
                                otherClinic.patient("phone", "+442079460999"),
                                "2027-01-12T11:00:00Z"),
                        201)
                .id();

        assertThat(SMS_PROVIDER.await(2, WAIT)).hasSize(2);
        var limited = Eventually.first(
                () -> list(otherClinic, third),
                n -> n.get("channel").stringValue().equals("sms"),
                WAIT,
                "the third text");
        assertThat(limited.get("status").stringValue()).isEqualTo("suppressed");
        assertThat(limited.get("suppressed_reason").stringValue()).isEqualTo("daily_limit");
        for (String id : List.of(first, second)) {
            awaitNotification(
                    id,
                    n -> n.get("channel").stringValue().equals("sms")
                            && n.get("status").stringValue().equals("sent"));
        }
        Thread.sleep(1_000);
        assertThat(SMS_PROVIDER.received()).isEmpty();
    }

    @Test
    void anAddressWithEveryCharacterAnAddressMayHaveGetsItsEmailAndInvitation() throws Exception {
        String address = "a{b}|c%d+!#$&'*/=?^_`~@example.org";
        String id = book("2027-01-12T09:00:00Z", address, null);

        var message = awaitMail(1).get(0);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(address);
        var event = (VEvent) invitation(message).getComponent("VEVENT").orElseThrow();
        assertThat(java.net
                        .URI
                        .create(event.getProperty("ATTENDEE").orElseThrow().getValue())
                        .getSchemeSpecificPart())
                .isEqualTo(address);
        awaitNotification(id, n -> n.get("status").stringValue().equals("sent"));
    }

    @Test
    void aMailServerThatIsDownDelaysTheMessageButNotTheBooking() throws Exception {
        mail.stop();
        String id = book("2027-01-12T09:00:00Z", "ada@example.com", null);
        var failing = awaitNotification(
                id,
                n -> n.get("attempts").intValue() >= 1 && n.get("last_error").isString());
        assertThat(failing.get("status").stringValue()).isEqualTo("queued");

        mail.start();
        clock.advance(Duration.ofMinutes(2));

        assertThat(awaitMail(1)).hasSize(1);
        assertThat(awaitNotification(id, n -> n.get("status").stringValue().equals("sent"))
                        .get("attempts")
                        .intValue())
                .isEqualTo(2);
    }

    @Test
    void testModeRecordsMessagesAsSuppressedAndSendsNothing() throws Exception {
        var test = Clinic.inTestMode(clinic.org, "Europe/London");
        String testDoctor = test.clinician("Dr Test");
        test.everyDay(testDoctor, "00:00", "23:30");
        String testType = test.type();
        String patient = test.patient("email", "ada@example.com", "phone", "+442079460123");
        String id = Clinic.expect(test.book(testType, testDoctor, patient, "2027-01-12T09:00:00Z"), 201)
                .id();

        var listed = new ArrayList<JsonNode>();
        test.api.get("/v1/notifications?appointment_id=" + id).data().forEach(listed::add);
        assertThat(listed)
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.get("status").stringValue()).isEqualTo("suppressed"));
        Thread.sleep(1_000);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    private String book(String start, String email, String phone) {
        var fields = new ArrayList<Object>(List.of("first_name", "Ada"));
        if (email != null) {
            fields.addAll(List.of("email", email));
        }
        if (phone != null) {
            fields.addAll(List.of("phone", phone));
        }
        String patient = clinic.patient(fields.toArray());
        return Clinic.expect(clinic.book(type, doctor, patient, start), 201).id();
    }

    private List<MimeMessage> awaitMail(int count) throws InterruptedException {
        assertThat(mail.waitForIncomingEmail(WAIT.toMillis(), count))
                .as("%d e-mails received", count)
                .isTrue();
        return List.of(mail.getReceivedMessages());
    }

    private List<JsonNode> notifications(String appointmentId) {
        return list(clinic, appointmentId);
    }

    private static List<JsonNode> list(Clinic clinic, String appointmentId) {
        var list = new ArrayList<JsonNode>();
        clinic.api
                .get("/v1/notifications?appointment_id=" + appointmentId)
                .data()
                .forEach(list::add);
        return list;
    }

    private JsonNode awaitNotification(String appointmentId, java.util.function.Predicate<JsonNode> condition)
            throws InterruptedException {
        return Eventually.first(() -> notifications(appointmentId), condition, WAIT, "such notification");
    }

    /** The text/calendar part of an e-mail, parsed back with ical4j. */
    private static Calendar invitation(MimeMessage message) throws Exception {
        var parts = (Multipart) message.getContent();
        for (BodyPart part : allParts(parts)) {
            if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                String text = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return new CalendarBuilder().build(new StringReader(text));
            }
        }
        throw new AssertionError("no calendar attachment");
    }

    private static List<BodyPart> allParts(Multipart multipart) throws Exception {
        var all = new ArrayList<BodyPart>();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            all.add(part);
            if (part.getContent() instanceof Multipart nested) {
                all.addAll(allParts(nested));
            }
        }
        return all;
    }

    private static Receiver receiver() {
        try {
            return new Receiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
