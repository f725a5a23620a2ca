package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The front desk's waitlist: a caller on the phone added from their page, the offer the waitlist makes seen on the
 * list, and a patient taken off it.
 */
class WaitlistDeskTest extends ConsoleBrowserTest {

    @Test
    void aReceptionistAddsACallerToTheWaitlistAndSeesTheFreedTimeOfferedToThem() throws Exception {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(40); // beyond the 31 days new hours free
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "12:00", "valid_from", opens.toString());
        String type = clinic.type("name", "Physiotherapy", "max_advance_days", 120);
        String caller = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String other = clinic.patient("first_name", "Alan", "last_name", "Turing");
        accept(invite(clinic.org, "waitlist-desk@clinic.example", "front_desk"));
        var page = signedIn("waitlist-desk@clinic.example", base + "/console/patients/" + caller);

        page.getByLabel("Service").selectOption(type);
        page.getByLabel("Tuesday").check();
        page.getByLabel("Morning (8–12)").check();
        page.getByLabel("Wait until").fill(opens.plusDays(20).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the waitlist"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waitlist")))
                .isVisible();
        var row = page.locator("tr[data-entry]");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Grace Hopper");
        assertThat(row).containsText("Tue; 08:00–12:00");
        assertThat(row).containsText("Waiting");

        LocalDate tuesday = opens.plusDays((9 - opens.getDayOfWeek().getValue()) % 7); // the next Tuesday
        String freed = tuesday + "T10:00:00Z"; // London keeps GMT in winter
        String booked =
                Clinic.expect(clinic.book(type, doctor, other, freed), 201).id();
        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);
        Eventually.until(
                () -> clinic.api
                                .get("/v1/waitlist-entries?status=offered")
                                .data()
                                .size()
                        == 1,
                java.time.Duration.ofSeconds(15),
                "the offer");
        page.reload();
        assertThat(row).containsText("Offered");
        assertThat(Axe.violations(page, "waitlist")).isEmpty();
        screenshot(page, "console-waitlist-1280");
        page.setViewportSize(375, 900);
        screenshot(page, "console-waitlist-375");
        page.setViewportSize(1280, 900);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take Grace Hopper off the waitlist"))
                .click();
        assertThat(page.getByText("Nobody is waiting for this location's times."))
                .isVisible();
        assertThat(clinic.starts(type, tuesday.toString(), tuesday.toString())).contains(freed);
    }
}
