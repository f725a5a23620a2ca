package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** The month at a glance, and the calendar by keyboard: t, n, p, m, b, / and the list of them on ?. */
class MonthAndShortcutsTest extends ConsoleBrowserTest {

    @Test
    void theMonthCountsEachDaysBookingsAndTheKeysMoveAround() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        for (String start : new String[] {"2027-03-16T09:00:00Z", "2027-03-16T10:00:00Z", "2027-03-16T11:00:00Z"}) {
            Clinic.expect(clinic.book(practice.type(), practice.doctor(), clinic.patient(), start), 201);
        }
        accept(invite(clinic.org, "month-desk@clinic.example", "front_desk"));
        String day = base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16";

        for (int width : new int[] {1280, 768}) {
            var page = signedIn("month-desk@clinic.example", day);
            page.setViewportSize(width, 900);
            page.keyboard().press("m");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("March 2027");
            var sixteenth = page.getByRole(
                    AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^16 Tuesday 16 March:")));
            assertThat(sixteenth).containsText("3 appointments");
            if (width == 1280) {
                assertThat(sixteenth).containsText("19 % booked"); // 90 of 480 minutes
            }
            assertThat(Axe.violations(page, "month at " + width)).isEmpty();
            screenshot(page, "console-month-" + width);

            keysReady(page);

            page.keyboard().press("n");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("April 2027");
            keysReady(page);
            page.keyboard().press("p");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("March 2027");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^16 Tuesday 16 March:")))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/console/day\\?location=.*&date=2027-03-16$"));
        }

        var page = signedIn("month-desk@clinic.example", day);
        keysReady(page);
        page.keyboard().press("?");
        var list = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        assertThat(list).isVisible();
        assertThat(Axe.violations(page, "shortcuts")).isEmpty();
        screenshot(page, "console-shortcuts-1280");
        page.keyboard().press("Escape");
        assertThat(list).isHidden();

        page.keyboard().press("/");
        assertThat(page.getByLabel("Find a patient")).isFocused();
        page.keyboard().type("nb");
        assertThat(page).hasURL(Pattern.compile(".*date=2027-03-16$")); // typed into the field, not followed

        page.getByLabel("Find a patient").blur();
        keysReady(page);
        page.keyboard().press("n");
        assertThat(page).hasURL(Pattern.compile(".*date=2027-03-17$"));
        keysReady(page);
        page.keyboard().press("t");
        assertThat(page).hasURL(Pattern.compile(".*/console/day\\?location=[^&]+$"));
        keysReady(page);
        page.keyboard().press("b");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Book at");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Shortcuts")))
                .isVisible();
    }
}
