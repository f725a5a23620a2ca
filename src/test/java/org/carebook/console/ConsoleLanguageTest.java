package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/**
 * The console speaks the staff member's language: their browser's by default (German here), or the one they
 * choose in the bar, which follows them to their next session.
 */
class ConsoleLanguageTest extends ConsoleBrowserTest {

    @Test
    void aGermanSpeakingReceptionistSeesTheConsoleInGerman() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-16T09:00:00Z"), 201);
        accept(invite(clinic.org, "empfang@praxis.example", "front_desk"));

        for (int width : new int[] {1280, 768}) {
            var page = newPage(width, "de-DE");
            page.navigate(base + "/console/login");
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Bei Carebook anmelden");
            page.getByLabel("E-Mail").fill("empfang@praxis.example");
            page.getByLabel("Passwort").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden"))
                    .click();
            page.waitForURL(url -> !url.contains("/console/login"));
            page.navigate(base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16");

            assertThat(page.locator("html")).hasAttribute("lang", "de");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("16. März 2027");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vorheriger Tag")))
                    .isVisible();
            assertThat(page.locator("article.appointment")).containsText("bestätigt");
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Terminarten")))
                    .isVisible();
            assertThat(Axe.violations(page, "day in German at " + width)).isEmpty();
            screenshot(page, "console-de-day-" + width);

            keysReady(page);

            page.keyboard().press("b");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Buchen in Harley Street");
            page.getByLabel("Terminart").selectOption(practice.type());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Freie Zeiten anzeigen"))
                    .click();
            assertThat(page.getByRole(AriaRole.RADIO).first()).isVisible();
            assertThat(page.getByText("Ein neuer Patient")).isVisible();
            assertThat(Axe.violations(page, "booking in German at " + width)).isEmpty();
            screenshot(page, "console-de-book-" + width);

            page.navigate(base + "/console/settings");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Einstellungen");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Zeiten von Dr Ada Byron in Harley Street bearbeiten"))
                    .click();
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Montag")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zeiten speichern")))
                    .isVisible();
            assertThat(Axe.violations(page, "hours in German at " + width)).isEmpty();
        }
    }

    @Test
    void aChosenLanguageFollowsTheMemberOfStaffToTheirNextSession() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        accept(invite(clinic.org, "langue@clinic.example", "front_desk"));
        String day = base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16";

        var page = signedIn("langue@clinic.example", day);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next day")))
                .isVisible();
        page.getByLabel("Language").selectOption("fr");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jour suivant")))
                .isVisible();
        assertThat(page).hasURL(day);

        var later = signedIn("langue@clinic.example", day); // another browser, English
        assertThat(later.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jour suivant")))
                .isVisible();
        later.getByLabel("Langue").selectOption("browser");
        later.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer"))
                .click();
        assertThat(later.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next day")))
                .isVisible();
        assertThat(jdbc.sql("SELECT count(*) FROM staff_users WHERE email = 'langue@clinic.example'"
                                + " AND language IS NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
