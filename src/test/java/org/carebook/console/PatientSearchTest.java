package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** The search box on every page finds a patient by a misspelt name, or by their date of birth, and opens them. */
class PatientSearchTest extends ConsoleBrowserTest {

    @Test
    void aReceptionistFindsAPatientFromAnyPage() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.clinician("Dr Ada Byron");
        String grace = clinic.patient(
                "first_name", "Grace", "last_name", "Hopper", "date_of_birth", "1985-06-01", "phone", "+442079460123");
        clinic.patient("first_name", "Alan", "last_name", "Turing", "date_of_birth", "1954-06-07");
        accept(invite(clinic.org, "search-desk@clinic.example", "front_desk"));
        var page = signedIn("search-desk@clinic.example", base + "/console/day?location=" + clinic.locationId);

        page.getByLabel("Find a patient").fill("Hoper");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search patients"))
                .click();

        assertThat(page.getByText("1 found for “Hoper”.")).isVisible();
        assertThat(page.url()).doesNotContain("Hoper");
        assertThat(Axe.violations(page, "patients found")).isEmpty();
        page.getByLabel("Find a patient").fill("07/06/1954");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search patients"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alan Turing")))
                .isVisible();
        page.getByLabel("Find a patient").fill("020 7946 0123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search patients"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Grace Hopper"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Grace Hopper")))
                .isVisible();
        assertThat(page.url()).endsWith("/console/patients/" + grace);
    }
}
