package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** The day colours each appointment by its type, with a legend naming the types, and each block naming its own. */
class TypeColourTest extends ConsoleBrowserTest {

    @Test
    void theDayShowsEachTypesColourWithALegend() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "17:00");
        String physio = clinic.type("name", "Physiotherapy", "color", "teal");
        String checkup = clinic.type("name", "Check-up");
        Clinic.expect(clinic.book(physio, doctor, clinic.patient(), "2027-03-16T09:00:00Z"), 201);
        Clinic.expect(clinic.book(checkup, doctor, clinic.patient(), "2027-03-16T10:00:00Z"), 201);
        Clinic.expect(clinic.api.patch("/v1/appointment-types/" + checkup, Map.of("color", "orange")), 200);
        assertThat(clinic.api
                        .patch("/v1/appointment-types/" + checkup, Map.of("color", "mauve"))
                        .status())
                .isEqualTo(422);
        accept(invite(clinic.org, "colours-desk@clinic.example", "front_desk"));

        for (int width : new int[] {1280, 768}) {
            var page = signedIn(
                    "colours-desk@clinic.example",
                    base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16");
            page.setViewportSize(width, 900);

            var legend = page.getByRole(
                    com.microsoft.playwright.options.AriaRole.LIST,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Appointment types"));
            assertThat(legend).containsText("Physiotherapy");
            assertThat(legend).containsText("Check-up");
            assertThat(page.locator("article.appointment")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Physiotherapy")))
                    .hasClass(Pattern.compile(".*\\btype-teal\\b.*"));
            assertThat(page.locator("article.appointment")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Check-up")))
                    .hasClass(Pattern.compile(".*\\btype-orange\\b.*"));
            assertThat(Axe.violations(page, "day with colours at " + width)).isEmpty();
            screenshot(page, "console-colours-" + width);
        }
    }
}
