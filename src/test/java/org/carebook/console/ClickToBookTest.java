package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/**
 * Open time on the day's grid books there: a click on a quarter hour opens the booking page at that clinician,
 * day and time; Enter on the open time does the same from its first quarter hour.
 */
class ClickToBookTest extends ConsoleBrowserTest {

    @Test
    void aReceptionistBooksByClickingAFreeTimeOrPressingEnterOnIt() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        clinic.patient("first_name", "Grace", "last_name", "Hopper");
        clinic.patient("first_name", "Alan", "last_name", "Turing");
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), clinic.patient(), "2027-03-19T09:00:00Z"), 201);
        accept(invite(clinic.org, "click@clinic.example", "front_desk"));
        String day = base + "/console/day?location=" + clinic.locationId + "&date=2027-03-19";

        var page = signedIn("click@clinic.example", day);
        var open = opening(page, "free 09:30 to 17:00");
        assertThat(Axe.violations(page, "day with open time")).isEmpty();
        var box = open.boundingBox();
        double quarter = box.height / 30; // 09:30 to 17:00
        open.hover(new Locator.HoverOptions().setPosition(box.width / 2, quarter * 6 + quarter / 2));
        assertThat(open.locator(".free-label")).hasText("Book 11:00");
        screenshot(page, "console-open-time-1280");
        open.click(new Locator.ClickOptions().setPosition(box.width / 2, quarter * 6 + quarter / 2));

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]at=11(:|%3A)00.*"));
        assertThat(page.getByText("Choose a type to see its free times from 11:00."))
                .isVisible();
        assertThat(page.getByLabel("Clinician")).hasValue(practice.doctor());
        screenshot(page, "console-click-to-book-1280");
        book(page, practice.type(), "Grace Hopper");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Booked.");
        assertThat(startOf(clinic, "Grace")).isEqualTo("2027-03-19T11:00:00Z");
        assertThat(jdbc.sql("SELECT DISTINCT source FROM appointments WHERE organization_id = :org"
                                + " AND start_time = '2027-03-19T11:00:00Z'")
                        .param("org", clinic.org.id())
                        .query(String.class)
                        .single())
                .as("a booking made at the front desk says so")
                .isEqualTo("console");

        page.setViewportSize(768, 900);
        page.navigate(day);
        opening(page, "free 09:30 to 11:00").focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]at=09(:|%3A)30.*"));
        assertThat(Axe.violations(page, "booking page from open time at 768")).isEmpty();
        book(page, practice.type(), "Alan Turing");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Booked.");
        assertThat(startOf(clinic, "Alan")).isEqualTo("2027-03-19T09:30:00Z");
        assertThat(opening(page, "free 10:00 to 11:00")).isVisible();
        screenshot(page, "console-open-time-768");
    }

    @Test
    void aClinicianSeesNoOpenTimeToBook() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        accept(invite(clinic.org, "no-click@clinic.example", "read_only"));

        var page = signedIn(
                "no-click@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-19");

        assertThat(page.locator(".grid")).isVisible();
        assertThat(page.locator("a.free")).hasCount(0);
    }

    private static Locator opening(Page page, String free) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book with Dr Ada Byron, " + free));
    }

    /** Picks the type, keeps the time the page chose from the click, finds the patient and books. */
    private static void book(Page page, String type, String patient) {
        page.getByLabel("Type").selectOption(type);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show free times"))
                .click();
        page.getByLabel("Find by name, phone or e-mail").fill(patient);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Find").setExact(true))
                .click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(patient))
                .check();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Book").setExact(true))
                .click();
    }

    private String startOf(Clinic clinic, String firstName) {
        return jdbc.sql("SELECT to_char(a.start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " FROM appointments a JOIN patients p ON p.id = a.patient_id"
                        + " WHERE a.organization_id = :org AND p.first_name = :name")
                .param("org", clinic.org.id())
                .param("name", firstName)
                .query(String.class)
                .single();
    }
}
