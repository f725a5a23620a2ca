package org.carebook.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.carebook.widget.WidgetTest.button;
import static org.carebook.widget.WidgetTest.heading;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.carebook.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The waitlist from the patient's side in Chromium: joining from the widget when no time suits, then taking the
 * time the clinic freed from the link in the offer's e-mail.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "carebook.notification-poll=PT0.2S",
            "carebook.public-url=https://book.clinic.example/"
        })
class WaitlistPageTest extends BrowserTest {

    private static final Pattern LINK =
            Pattern.compile("https://book\\.clinic\\.example/offer#(cbm_[A-Za-z0-9_.\\-]+)");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    /**
     * The clinician's hours begin in six weeks, so the widget has no time in its fortnight and nothing else comes
     * free meanwhile; the patient joins for any time, the clinic then cancels someone's appointment in the sixth
     * week, and the patient books it from the offer.
     */
    @Test
    void aPatientJoinsFromTheWidgetAndTakesTheFreedTimeFromTheOfferEmail() throws Exception {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var mailbox = Mailbox.of(mail, clinic.org);
        LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(40);
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "12:00", "valid_from", opens.toString());
        String type = clinic.type("name", "Physiotherapy", "max_advance_days", 120);
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org));

        button(page, "Physiotherapy").click();
        assertThat(page.getByText("No free times in the next 14 days")).isVisible();
        button(page, "Join the waitlist").click();
        heading(page, "Join the waitlist for Physiotherapy");
        page.getByLabel("Morning (8–12)").check();
        page.getByLabel("First name").fill("Grace");
        page.getByLabel("Last name").fill("Hopper");
        page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill("01");
        page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).fill("06");
        page.getByLabel("Year", new Page.GetByLabelOptions().setExact(true)).fill("1985");
        page.getByLabel("E-mail").fill(mailbox.address("grace"));
        assertThat(Axe.violations(page, "waitlist form")).isEmpty();
        screenshot(page, "widget-waitlist");
        button(page, "Join the waitlist").click();
        heading(page, "You are on the waitlist");

        String freed = opens.plusDays(1) + "T09:00:00Z"; // London keeps GMT in winter
        String booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), freed), 201)
                .id();
        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);
        var offer = mailbox.await(1).get(0);
        var link = LINK.matcher(Mailbox.text(offer));
        assertThat(link.find()).as("an offer link in the e-mail").isTrue();

        var offerPage = newPage(375);
        var answer = offerPage.navigate(base + "/offer#" + link.group(1));
        assertThat(answer.headers().get("content-security-policy")).contains("default-src 'none'");
        heading(offerPage, "A time has come free for you");
        assertThat(offerPage.getByText("We are keeping this time for you until"))
                .isVisible();
        assertThat(Axe.violations(offerPage, "offer page")).isEmpty();
        screenshot(offerPage, "offer-375");
        button(offerPage, "Book this time").click();
        assertThat(offerPage.getByText("Your appointment is booked.").first()).isVisible();

        var appointments =
                clinic.api.get("/v1/appointments?clinician_id=" + doctor).data();
        var taken = new java.util.ArrayList<String>();
        appointments.forEach(a -> taken.add(
                a.get("start_time").stringValue() + " " + a.get("status").stringValue()));
        assertThat(taken).contains(freed + " confirmed");
    }

    /** A service the clinic approves first: the widget says the request was sent, and offers no calendar file. */
    @Test
    void aBookingTheClinicApprovesFirstEndsOnRequestSent() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "12:00");
        clinic.type("name", "Minor surgery", "requires_approval", true);
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org));

        button(page, "Minor surgery").click();
        WidgetTest.laterDay(page).click();
        page.locator("[data-slot]").first().click();
        WidgetTest.fillDetails(page, "Grace", "Hopper", "1985-06-01", "grace@example.com", "");
        button(page, "Confirm booking").click();

        heading(page, "Request sent");
        assertThat(page.getByText("The clinic confirms this booking first.")).isVisible();
        assertThat(page.getByText("Add to calendar")).hasCount(0);
        assertThat(clinic.api
                        .get("/v1/appointments?clinician_id=" + doctor)
                        .data()
                        .get(0)
                        .get("status")
                        .stringValue())
                .isEqualTo("pending");
    }
}
