package org.carebook.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The page a new user opens first: the demo clinic's widget at {@code /}, as the start command leaves it. */
@TestPropertySource(properties = "carebook.demo=true")
class DemoPageTest extends BrowserTest {

    @Test
    void theHomePageShowsTheWidgetOnTheDemoClinicAndHowToEmbedIt() {
        var page = newPage(1280);
        page.navigate(base + "/");

        WidgetTest.heading(page, "Choose a service");
        assertThat(WidgetTest.button(page, "General consultation")).isVisible();
        assertThat(page.getByText("<carebook-booking publishable-key=")).isVisible();
        WidgetTest.button(page, "Video consultation").click();
        WidgetTest.heading(page, "Choose a time for Video consultation");
        screenshot(page, "demo-home");
    }

    /**
     * axe-core on the demo page's time step at 375 px: the embed snippet scrolls and so is reached by keyboard, and
     * each day button's name begins with what it shows ("Sun 6 Dec –"), so voice control finds it by that.
     */
    @Test
    void theDemoPagesTimeStepHasNoAxeViolationsOnAPhone() {
        var page = newPage(375);
        page.navigate(base + "/");
        WidgetTest.button(page, "General consultation").click();
        WidgetTest.heading(page, "Choose a time for General consultation");

        assertThat(org.carebook.support.Axe.violations(page, "demo time step at 375 px"))
                .isEmpty();
        assertThat(page.getByText("GMT").first()).isVisible();
    }

    @Test
    void theTimeStepOfTheDemoIsADayPickerNoTallerThan1600Pixels() {
        var page = newPage(1280);
        page.navigate(base + "/");
        WidgetTest.button(page, "General consultation").click();
        WidgetTest.heading(page, "Choose a time for General consultation");

        var widget = page.locator("carebook-booking");
        assertThat(page.locator("[data-day]")).hasCount(14);
        assertThat(page.locator("[data-slot]").allTextContents()).doesNotHaveDuplicates();
        assertThat(widget.boundingBox().height).isLessThanOrEqualTo(1600);
    }
}
