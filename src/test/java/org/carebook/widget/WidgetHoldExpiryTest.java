package org.carebook.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Eight-second holds: long enough to see the countdown warn, short enough to watch it run out. */
@TestPropertySource(properties = {"carebook.hold-ttl=PT8S"})
class WidgetHoldExpiryTest extends BrowserTest {

    @Test
    void anExpiredHoldSendsThePatientBackToTheTimesWithTheSlotOfferedAgain() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.everyDay(clinic.clinician("Dr Ada Byron"), "09:00", "11:00");
        String type = clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org), "appointment-type-id", type);
        var first = page.locator("[data-slot]").first();
        String slot = first.getAttribute("data-slot");
        first.click();
        WidgetTest.heading(page, "Your details");

        assertThat(page.locator(".countdown.warning")).isVisible();
        assertThat(page.locator("[data-live]")).hasText("Less than 2 minutes left to finish your booking.");

        assertThat(page.getByText("Your held time has expired"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        WidgetTest.heading(page, "Choose a time for General consultation");
        assertThat(page.locator("[data-slot='" + slot + "']")).isVisible();
        page.locator("[data-slot='" + slot + "']").click();
        WidgetTest.heading(page, "Your details");
    }
}
