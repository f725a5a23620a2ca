package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** A class on the front desk's day: one block for the session, and a roster where each attendee is checked in. */
class ClassRosterTest extends ConsoleBrowserTest {

    @Test
    void theDayShowsAClassAsOneBlockWhoseRosterChecksInEachAttendee() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String teacher = clinic.clinician("Jo Pilates");
        clinic.everyDay(teacher, "09:00", "20:00");
        String pilates = clinic.type("name", "Pilates", "capacity", 10, "duration_minutes", 60);
        for (String name : new String[] {"Grace Hopper", "Alan Turing", "Ada Lovelace"}) {
            String[] parts = name.split(" ");
            String patient = clinic.patient("first_name", parts[0], "last_name", parts[1]);
            Clinic.expect(clinic.book(pilates, teacher, patient, "2027-03-16T18:00:00Z"), 201);
        }
        accept(invite(clinic.org, "roster-desk@clinic.example", "front_desk"));
        var page = signedIn(
                "roster-desk@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16");

        var blocks = page.locator("[data-appointment]");
        assertThat(blocks).hasCount(1);
        assertThat(blocks.first()).containsText("Pilates class");
        assertThat(blocks.first()).containsText("3 attendees");
        blocks.first()
                .getByRole(
                        AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Pilates class"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pilates class")))
                .isVisible();
        assertThat(page.getByText("3 of 10 taken, 7 left")).isVisible();
        var roster = page.locator("table.roster tbody tr");
        assertThat(roster).hasCount(3);
        assertThat(Axe.violations(page, "roster")).isEmpty();
        screenshot(page, "console-class-1280");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in Alan Turing"))
                .click();

        var alan = page.locator("table.roster tbody tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Alan Turing"));
        assertThat(alan).containsText("checked_in");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in Grace Hopper")))
                .isVisible();
        var statuses = clinic.api
                .get("/v1/appointments?clinician_id=" + teacher)
                .data()
                .findValuesAsString("status");
        assertThat(statuses).containsExactlyInAnyOrder("confirmed", "checked_in", "confirmed");
    }
}
