package org.carebook.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.carebook.support.Clinic.expect;
import static org.carebook.widget.WidgetTest.button;
import static org.carebook.widget.WidgetTest.heading;
import static org.carebook.widget.WidgetTest.laterDay;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The patient's side in Chromium, with e-mail through a real SMTP server (GreenMail): the manage link from
 * the confirmation e-mail, moving and cancelling on the manage page, and the widget in German and French.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "carebook.notification-poll=PT0.2S",
            "carebook.public-url=https://book.clinic.example/"
        })
class ManagePageTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https://book\\.clinic\\.example/manage#(cbm_\\S+)");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void aPatientFollowsTheLinkInTheirEmailToMoveAndThenCancelTheirAppointment() throws Exception {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "12:00");
        String type = clinic.type("name", "General consultation");
        expect(
                clinic.api.patch(
                        "/v1/organization",
                        Map.of("cancel_notice_hours", 24, "reschedule_notice_hours", 24, "max_reschedules", 2)),
                200);
        String patient = clinic.patient("first_name", "Grace", "email", "grace@example.com");
        String old = LocalDate.now(ZoneOffset.UTC).plusDays(3) + "T10:00:00Z";
        String id = expect(clinic.book(type, doctor, patient, old), 201).id();

        String token = linkIn(awaitMail("grace@example.com", 1));
        var page = newPage(1280);
        var refusedByPolicy = new java.util.concurrent.CopyOnWriteArrayList<String>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refusedByPolicy.add(message.text());
            }
        });
        var answer = page.navigate(base + "/manage#" + token);
        assertThat(answer.headers().get("content-security-policy"))
                .as("the page holds a credential: a strict policy")
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        heading(page, "Your appointment");
        assertThat(page.getByText("Dr Ada Byron")).isVisible();
        assertThat(page.getByText("You can cancel online until")).isVisible();
        assertThat(page.getByText("Moves left online: 2.")).isVisible();
        screenshot(page, "manage-1280");

        button(page, "Choose a new time").click();
        heading(page, "Choose a time for General consultation");
        laterDay(page).click();
        var time = page.locator("[data-slot]").first();
        String next = time.getAttribute("data-slot").split("\\|")[0];
        time.click();
        button(page, "Move appointment").click();
        assertThat(page.getByText("Your appointment has moved.").first()).isVisible();
        assertThat(page.getByText("Moves left online: 1.")).isVisible();
        screenshot(page, "manage-1280-moved");

        var moved = clinic.api.get("/v1/appointments/" + id).data();
        assertThat(Instant.parse(moved.get("start_time").stringValue())).isEqualTo(Instant.parse(next));
        assertThat(clinic.offeredOnDayOf(type, doctor, old)).contains(Instant.parse(old));
        assertThat(clinic.offeredOnDayOf(type, doctor, next)).doesNotContain(Instant.parse(next));
        assertThat(linkIn(awaitMail("grace@example.com", 2)))
                .as("the reschedule e-mail carries the same link")
                .isEqualTo(token);

        button(page, "Cancel appointment").click();
        page.getByLabel("Reason for cancelling (optional)").fill("I feel better");
        button(page, "Yes, cancel it").click();
        assertThat(page.locator("[data-status]")).hasText("Cancelled");
        var cancelled = clinic.api.get("/v1/appointments/" + id).data();
        assertThat(cancelled.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancelled_by").stringValue()).isEqualTo("patient");
        assertThat(cancelled.get("cancellation_reason").stringValue()).isEqualTo("I feel better");
        assertThat(refusedByPolicy)
                .as("nothing the page needs is refused by its policy")
                .isEmpty();
        var events = clinic.api.get("/v1/events").data();
        for (String kind : new String[] {"appointment.rescheduled", "appointment.cancelled"}) {
            assertThat(events).anySatisfy(event -> {
                assertThat(event.get("type").stringValue()).isEqualTo(kind);
                assertThat(event.get("actor").get("kind").stringValue()).isEqualTo("patient");
            });
        }
    }

    @Test
    void aCancellationTooLateIsRefusedOnThePageWithTheClinicsPhone() throws Exception {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        expect(
                clinic.api.patch(
                        "/v1/organization",
                        Map.of("phone", "+44 20 7946 0000", "cancel_notice_hours", 48, "reschedule_notice_hours", 48)),
                200);
        String doctor = clinic.clinician("Dr Ada Byron");
        String type = clinic.type("name", "General consultation");
        String patient = clinic.patient("email", "late@example.com");
        String soon = Instant.now()
                .plusSeconds(26 * 3600)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .toString();
        expect(clinic.book(type, doctor, patient, soon), 201);

        var page = newPage(375);
        page.navigate(base + "/manage#" + linkIn(awaitMail("late@example.com", 1)));
        assertThat(page.getByText("call the clinic on +44 20 7946 0000")).isVisible();
        assertThat(button(page, "Cancel appointment")).hasCount(0);
        assertThat(button(page, "Choose a new time")).hasCount(0);
        screenshot(page, "manage-375-too-late");
    }

    @Test
    void aPatientWithThreeUpcomingBookingsIsToldInTheWidgetToCallForAFourth() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        expect(
                clinic.api.patch(
                        "/v1/organization", Map.of("phone", "+44 20 7946 0000", "max_active_bookings_per_patient", 3)),
                200);
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        String type = clinic.type("name", "General consultation");
        var patient = Map.of(
                "first_name", "Grace", "last_name", "Hopper", "date_of_birth", "1985-06-01", "email", "g@example.com");
        for (int day = 2; day <= 4; day++) {
            String start = LocalDate.now(ZoneOffset.UTC).plusDays(day) + "T10:00:00Z";
            var hold = expect(clinic.hold(clinic.org.publishable(), type, doctor, start), 201);
            expect(
                    clinic.org.publishable().post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient", patient)),
                    201);
        }

        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org), "appointment-type-id", type);
        laterDay(page).click();
        page.locator("[data-slot]").last().click();
        WidgetTest.fillDetails(page, "Grace", "Hopper", "1985-06-01", "g@example.com", "");
        button(page, "Confirm booking").click();

        assertThat(page.getByText("You already have 3 upcoming appointments")).isVisible();
        assertThat(page.getByText("call the clinic on +44 20 7946 0000")).isVisible();
        assertThat(clinic.api.get("/v1/appointments").data()).hasSize(3);
    }

    @Test
    void theWidgetInGermanBooksAPatientWhoGetsTheirEmailInGerman() throws Exception {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), 375, widgetKey(clinic.org), "locale", "de-DE");

        heading(page, "Leistung wählen");
        button(page, "General consultation").click();
        heading(page, "Uhrzeit für General consultation wählen");
        laterDay(page).click();
        page.locator("[data-slot]").first().click();
        heading(page, "Ihre Angaben");
        page.getByLabel("Vorname").fill("Lise");
        page.getByLabel("Nachname").fill("Meitner");
        page.getByLabel("Tag").fill("07");
        page.getByLabel("Monat").fill("11");
        page.getByLabel("Jahr").fill("1978");
        page.getByLabel("E-Mail").fill("lise@example.com");
        screenshot(page, "375-de-details");
        button(page, "Buchung bestätigen").click();
        heading(page, "Ihr Termin ist gebucht");

        var message = awaitMail("lise@example.com", 1);
        assertThat(message.getSubject()).endsWith("Ihr Termin ist gebucht.");
        assertThat(textOf(message)).contains("Hallo Lise,").contains("Wann:").contains("General consultation bei");
        var patient = clinic.api
                .get("/v1/patients/"
                        + clinic.api
                                .get("/v1/appointments")
                                .data()
                                .get(0)
                                .get("patient_id")
                                .stringValue())
                .data();
        assertThat(patient.get("preferred_language").stringValue()).isEqualTo("de-DE");
    }

    @Test
    void theWidgetSpeaksFrenchWhenTheBrowserDoes() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        clinic.type("name", "Consultation générale");
        var page = newPage(1280, "fr-FR");
        open(page, siteOrigin(), widgetKey(clinic.org), "locale", "");

        heading(page, "Choisissez une prestation");
        button(page, "Consultation générale").click();
        heading(page, "Choisissez un horaire pour Consultation générale");
        assertThat(page.getByText("Horaires à l’heure locale de Harley Street")).isVisible();
        assertThat(laterDay(page)).containsText("horaire");
        screenshot(page, "1280-fr-time");
    }

    /** The {@code count}-th e-mail to {@code address}, waiting for it. */
    private static MimeMessage awaitMail(String address, int count) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        while (mail.getReceivedMessagesForDomain(address).length < count && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        var messages = mail.getReceivedMessagesForDomain(address);
        assertThat(messages).as("e-mails to %s", address).hasSizeGreaterThanOrEqualTo(count);
        return messages[count - 1];
    }

    private static String linkIn(MimeMessage message) throws Exception {
        var matcher = LINK.matcher(textOf(message));
        assertThat(matcher.find()).as("a manage link in the e-mail").isTrue();
        return matcher.group(1);
    }

    /** The decoded text/plain part of a message. */
    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
