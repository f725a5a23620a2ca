package org.carebook.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.carebook.support.Mailbox;
import org.carebook.support.MutableClock;
import org.carebook.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist over HTTP on the real server and database, with e-mail through a real SMTP server: a freed time is
 * held for the first matching entry and offered by e-mail with a signed link, passed on when the offer lapses,
 * never offered where it does not suit, and booked exactly once however requests race.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "carebook.notification-poll=PT0.2S",
            "carebook.hold-sweep=PT0.5S"
        })
@Import(MutableClock.Configuration.class)
class WaitlistTest extends ApiTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern OFFER_LINK = Pattern.compile("/offer#(cbm_[A-Za-z0-9_.\\-]+)");
    private static final String DAY = "2027-01-12"; // a Tuesday
    private static final String NINE = DAY + "T09:00:00Z";

    @Autowired
    MutableClock clock;

    private Clinic clinic;
    private String doctor;
    private String type;

    private Mailbox mailbox;

    /**
     * Hours from the 8th of January: new hours may free time too, but the next 31 days' (from today, December
     * 2026) are none of these tests' business.
     */
    @BeforeEach
    void clinic() {
        clinic = Clinic.in(newOrganization(), "Europe/London");
        mailbox = Mailbox.of(mail, clinic.org);
        doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00", "valid_from", "2027-01-08");
        type = clinic.type("name", "Physiotherapy");
    }

    @Test
    void aCancellationOffersTheTimeToTheFirstMatchingEntryByEmailWithASignedLink() throws Exception {
        String booked = takeNine();
        String first = join(mailbox.address("ada"), "days", List.of("tuesday"));
        String second = join(mailbox.address("bea"));

        long cancelled = System.nanoTime();
        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);
        var offer = awaitMail(1).get(0);
        long millis = (System.nanoTime() - cancelled) / 1_000_000;

        System.out.printf("waitlist: cancellation to offer e-mail in %d ms%n", millis);
        assertThat(offer.getAllRecipients()[0].toString()).isEqualTo(mailbox.address("ada"));
        assertThat(offer.getSubject()).contains("come free");
        assertThat(GreenMailUtil.getBody(offer)).contains("Tuesday 12 January 2027, 09:00");
        assertThat(token(offer)).startsWith("cbm_");
        var entry = clinic.api.get("/v1/waitlist-entries/" + first).data();
        assertThat(entry.get("status").stringValue()).isEqualTo("offered");
        assertThat(entry.get("offer").get("start_time").stringValue()).isEqualTo(NINE);
        assertThat(status(second)).isEqualTo("waiting");
        assertThat(clinic.book(type, doctor, clinic.patient(), NINE).reason()).isEqualTo("slot_taken");
        assertThat(clinic.api
                        .get("/v1/events?type=waitlist_entry.offered")
                        .data()
                        .get(0)
                        .get("data")
                        .get("object")
                        .has("first_name"))
                .isFalse();
    }

    @Test
    void acceptingThroughTheLinkBooksTheHeldTimeOnce() throws Exception {
        Clinic.expect(clinic.api.post("/v1/appointments/" + takeNine() + "/cancel", Map.of()), 200);
        String entry = join(mailbox.address("ada"));
        Clinic.expect(clinic.api.post("/v1/appointments/" + takeTen() + "/cancel", Map.of()), 200);
        var link = patientApi(token(awaitMail(1).get(0)));

        var shown = Clinic.expect(link.get("/v1/self-service/offer"), 200).data();
        var accepted = Clinic.expect(link.post("/v1/self-service/offer/accept", Map.of()), 200)
                .data();
        var again = Clinic.expect(link.post("/v1/self-service/offer/accept", Map.of()), 200)
                .data();

        assertThat(shown.get("status").stringValue()).isEqualTo("open");
        assertThat(shown.get("service").stringValue()).isEqualTo("Physiotherapy");
        assertThat(accepted.get("status").stringValue()).isEqualTo("accepted");
        String appointment = accepted.get("appointment_id").stringValue();
        assertThat(again.get("appointment_id").stringValue()).isEqualTo(appointment);
        var booked = clinic.api.get("/v1/appointments/" + appointment).data();
        assertThat(booked.get("status").stringValue()).isEqualTo("confirmed");
        assertThat(booked.get("source").stringValue()).isEqualTo("waitlist");
        assertThat(booked.get("patient_id").stringValue())
                .isEqualTo(clinic.api
                        .get("/v1/waitlist-entries/" + entry)
                        .data()
                        .get("patient_id")
                        .stringValue());
        assertThat(status(entry)).isEqualTo("booked");
        assertThat(link.get("/v1/self-service/appointment").status()).isEqualTo(404);
    }

    @Test
    void anOfferLeftToLapseGoesToTheNextEntryAndNotBackToTheFirst() throws Exception {
        String booked = takeNine();
        String first = join(mailbox.address("ada"));
        String second = join(mailbox.address("bea"));
        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);
        awaitMail(1);

        clock.advance(Duration.ofMinutes(31));

        var next = awaitMail(2).get(1);
        assertThat(next.getAllRecipients()[0].toString()).isEqualTo(mailbox.address("bea"));
        assertThat(status(first)).isEqualTo("waiting");
        assertThat(status(second)).isEqualTo("offered");
        var lapsed = patientApi(token(awaitMail(2).get(0)));
        assertThat(lapsed.get("/v1/self-service/offer").data().get("status").stringValue())
                .isEqualTo("lapsed");
        assertThat(lapsed.post("/v1/self-service/offer/accept", Map.of()).reason())
                .isEqualTo("offer_expired");
    }

    @Test
    void decliningPassesTheTimeOnAtOnce() throws Exception {
        String booked = takeNine();
        join(mailbox.address("ada"));
        String second = join(mailbox.address("bea"));
        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);
        var link = patientApi(token(awaitMail(1).get(0)));

        var declined = Clinic.expect(link.post("/v1/self-service/offer/decline", Map.of()), 200)
                .data();

        assertThat(declined.get("status").stringValue()).isEqualTo("declined");
        assertThat(awaitMail(2).get(1).getAllRecipients()[0].toString()).isEqualTo(mailbox.address("bea"));
        assertThat(status(second)).isEqualTo("offered");
    }

    /** Three entries in line first that the time does not suit; the fourth, which it suits, is offered it. */
    @Test
    void anEntryTheTimeDoesNotSuitIsNeverOfferedIt() throws Exception {
        String other = clinic.clinician("Dr Bea Other");
        clinic.everyDay(other, "09:00", "11:00", "valid_from", "2027-01-08");
        String booked = takeNine();
        var notSuited = List.of(
                join(mailbox.address("other-clinician"), "clinician_id", other),
                join(mailbox.address("afternoons"), "times", List.of(Map.of("start", "13:00", "end", "17:00"))),
                join(mailbox.address("fridays"), "days", List.of("friday")));
        join(mailbox.address("suits"), "times", List.of(Map.of("start", "08:30", "end", "10:00")));

        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);

        assertThat(awaitMail(1).get(0).getAllRecipients()[0].toString()).isEqualTo(mailbox.address("suits"));
        for (String entry : notSuited) {
            assertThat(status(entry)).isEqualTo("waiting");
            assertThat(clinic.api
                            .get("/v1/notifications?waitlist_entry_id=" + entry)
                            .data())
                    .isEmpty();
        }
    }

    /**
     * First in line is busy then (another clinician sees them), second has as many upcoming bookings as the clinic
     * allows; the third, who reads German, is offered the time, in German.
     */
    @Test
    void aPatientBusyThenOrAtTheirLimitIsPassedOverAndTheOfferIsInThePatientsLanguage() throws Exception {
        Clinic.expect(clinic.api.patch("/v1/organization", Map.of("max_active_bookings_per_patient", 1)), 200);
        String other = clinic.clinician("Dr Bea Other");
        clinic.everyDay(other, "09:00", "11:00", "valid_from", "2027-01-08");
        String booked = takeNine();
        String busy = join(mailbox.address("busy"));
        String busyPatient = patientOf(busy);
        Clinic.expect(clinic.book(type, other, busyPatient, NINE), 201);
        String full = join(mailbox.address("full"));
        Clinic.expect(clinic.book(type, other, patientOf(full), "2027-02-02T10:00:00Z"), 201);
        String german =
                clinic.patient("first_name", "Greta", "email", mailbox.address("greta"), "preferred_language", "de");
        Clinic.expect(
                clinic.api.post(
                        "/v1/waitlist-entries",
                        Map.of("patient_id", german, "appointment_type_id", type, "until", "2027-03-31")),
                201);

        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);

        var offer = awaitOffers(1, "frei geworden").get(0);
        assertThat(Mailbox.to(offer)).isEqualTo(mailbox.address("greta"));
        assertThat(Mailbox.text(offer)).contains("Dienstag, 12. Januar 2027");
        assertThat(status(busy)).isEqualTo("waiting");
        assertThat(status(full)).isEqualTo("waiting");
    }

    /**
     * Twenty waiting for one freed time, and everyone the offer's link reaches pressing accept at once: one
     * booking, one entry booked, nineteen still in line; three rounds.
     */
    @Test
    void twentyWaitersForOneFreedTimeGiveExactlyOneBooking() throws Exception {
        var entries = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            entries.add(join(mailbox.address("waiter" + i)));
        }
        String[] starts = {DAY + "T09:00:00Z", DAY + "T09:30:00Z", DAY + "T10:00:00Z"};
        for (int round = 0; round < starts.length; round++) {
            String booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), starts[round]), 201)
                    .id();
            Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);
            var link = patientApi(token(awaitOffers(round + 1).get(round)));

            var answers = Race.run(20, i -> link.post("/v1/self-service/offer/accept", Map.of()));

            assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
            assertThat(answers.stream()
                            .map(a -> a.data().get("appointment_id").stringValue())
                            .distinct())
                    .hasSize(1);
            assertThat(bookedAt(starts[round])).as("round %d", round).isEqualTo(1);
            assertThat(entries.stream().filter(e -> status(e).equals("booked"))).hasSize(round + 1);
            assertThat(entries.stream().filter(e -> status(e).equals("waiting")))
                    .hasSize(20 - round - 1);
        }
    }

    /**
     * A cancellation and five direct bookings of the same time at once: whether the waitlist's hold or a booking
     * gets there first, the time is taken exactly once; five rounds.
     */
    @Test
    void aDirectBookingRacingAnOfferNeverDoubleBooks() throws Exception {
        String[] starts = {
            DAY + "T09:00:00Z", DAY + "T09:30:00Z", DAY + "T10:00:00Z", DAY + "T10:30:00Z", "2027-01-19T09:00:00Z"
        };
        for (int round = 0; round < starts.length; round++) {
            String start = starts[round];
            var local = java.time.LocalTime.parse(start.substring(11, 16)); // London is on UTC in January
            join(
                    mailbox.address("waiter" + round),
                    "times",
                    List.of(Map.of(
                            "start",
                            local.toString(),
                            "end",
                            local.plusMinutes(30).toString())),
                    "until",
                    start.substring(0, 10));
            String booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), start), 201)
                    .id();
            var patients = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                patients.add(clinic.patient());
            }

            var answers = Race.run(
                    6,
                    i -> i == 0
                            ? clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of())
                            : clinic.book(type, doctor, patients.get(i - 1), start));

            assertThat(answers.get(0).status()).isEqualTo(200);
            Eventually.until(() -> bookedAt(start) + heldFor(start) == 1, WAIT, "the time taken once, at " + start);
            assertThat(bookedAt(start) + heldFor(start)).isEqualTo(1);
        }
    }

    @Test
    void theWidgetJoinsWithAPublishableKeyAndLearnsNothingAboutThePatient() {
        var widget = clinic.org.publishable();
        var patient = Map.of(
                "first_name",
                "Ada",
                "last_name",
                "Lovelace",
                "date_of_birth",
                "1990-12-10",
                "email",
                mailbox.address("ada"));

        var joined = Clinic.expect(
                        widget.post(
                                "/v1/waitlist-entries",
                                Map.of("patient", patient, "appointment_type_id", type, "until", "2027-02-28")),
                        201)
                .data();
        var again = Clinic.expect(
                        widget.post(
                                "/v1/waitlist-entries",
                                Map.of("patient", patient, "appointment_type_id", type, "until", "2027-02-28")),
                        201)
                .data();

        assertThat(joined.get("status").stringValue()).isEqualTo("waiting");
        assertThat(joined.has("patient_id")).isFalse();
        assertThat(again.get("id").stringValue()).isEqualTo(joined.get("id").stringValue());
        assertThat(widget.get("/v1/waitlist-entries/" + joined.get("id").stringValue())
                        .status())
                .isEqualTo(403);
        assertThat(widget.post(
                                "/v1/waitlist-entries",
                                Map.of(
                                        "patient_id",
                                        clinic.patient(),
                                        "appointment_type_id",
                                        type,
                                        "until",
                                        "2027-02-28"))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void badEntriesAreRefusedWithEveryProblemNamedAndNothingStored() {
        var refused = clinic.api.post(
                "/v1/waitlist-entries",
                Map.of(
                        "patient_id", clinic.patient(),
                        "appointment_type_id", "type_nope",
                        "days", List.of("someday"),
                        "times", List.of(Map.of("start", "12:00", "end", "09:00")),
                        "until", "2030-01-01"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error().get("details").findValuesAsString("field"))
                .contains("appointment_type_id", "days", "times[0]", "until");
        assertThat(clinic.api.get("/v1/waitlist-entries").data()).isEmpty();
    }

    private String takeNine() {
        return Clinic.expect(clinic.book(type, doctor, clinic.patient(), NINE), 201)
                .id();
    }

    private String takeTen() {
        return Clinic.expect(clinic.book(type, doctor, clinic.patient(), DAY + "T10:00:00Z"), 201)
                .id();
    }

    /** Joins for the clinic's type by a secret key, with a new patient of that e-mail, and any overrides. */
    private String join(String email, Object... overrides) {
        String patient = clinic.patient("first_name", email.substring(0, email.indexOf('@')), "email", email);
        var body = new java.util.HashMap<String, Object>(
                Map.of("patient_id", patient, "appointment_type_id", type, "until", "2027-03-31"));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return Clinic.expect(clinic.api.post("/v1/waitlist-entries", body), 201).id();
    }

    private String status(String entry) {
        return clinic.api
                .get("/v1/waitlist-entries/" + entry)
                .data()
                .get("status")
                .stringValue();
    }

    private long bookedAt(String start) {
        var day = start.substring(0, 10);
        var all = clinic.api
                .get("/v1/appointments?start_date=" + day + "&end_date=" + day)
                .data();
        var list = new ArrayList<JsonNode>();
        all.forEach(list::add);
        return list.stream()
                .filter(a -> a.get("start_time").stringValue().equals(start))
                .filter(a -> Arrays.asList("pending", "confirmed")
                        .contains(a.get("status").stringValue()))
                .count();
    }

    private long heldFor(String start) {
        var entries = clinic.api.get("/v1/waitlist-entries?status=offered").data();
        var list = new ArrayList<JsonNode>();
        entries.forEach(list::add);
        return list.stream()
                .filter(e -> e.get("offer").get("start_time").stringValue().equals(start))
                .count();
    }

    private Api patientApi(String token) {
        return new Api(clinic.api.base(), token);
    }

    private static String token(MimeMessage message) {
        var found = OFFER_LINK.matcher(Mailbox.text(message));
        assertThat(found.find()).as("an offer link in the e-mail").isTrue();
        return found.group(1);
    }

    /** The first {@code count} offers to this test's patients (accepted ones bring confirmations besides). */
    private List<MimeMessage> awaitOffers(int count) throws InterruptedException {
        return awaitOffers(count, "come free");
    }

    private List<MimeMessage> awaitOffers(int count, String subject) throws InterruptedException {
        return mailbox.await(count, m -> Mailbox.subject(m).contains(subject));
    }

    private String patientOf(String entry) {
        return clinic.api
                .get("/v1/waitlist-entries/" + entry)
                .data()
                .get("patient_id")
                .stringValue();
    }

    private List<MimeMessage> awaitMail(int count) throws InterruptedException {
        return mailbox.await(count);
    }
}
