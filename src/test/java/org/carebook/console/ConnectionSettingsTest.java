package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.carebook.support.Receiver;
import org.junit.jupiter.api.Test;

/**
 * What connects a clinic to other systems, set by an owner in the console: a publishable key for the widget on
 * the clinic's own site, and a webhook endpoint sent a test event whose delivery the page then shows. The front
 * desk may open none of it.
 */
class ConnectionSettingsTest extends ConsoleBrowserTest {

    @Test
    void anOwnerMakesAWidgetKeyThatWorksOnTheirSiteAndRevokesIt() {
        var practice = Clinic.practice(newOrganization());
        accept(invite(practice.clinic().org, "keys-owner@clinic.example", "owner"));

        for (var width : new int[] {1280, 768}) {
            var page = signedIn("keys-owner@clinic.example", base + "/console/settings");
            page.setViewportSize(width, 900);
            link(page, "API keys").click();
            page.getByLabel("Name").fill("Website " + width);
            page.getByLabel("Allowed origins").fill(siteOrigin() + "/\nnot an origin");
            button(page, "Make the key").click();
            assertThat(page.locator(".problem").first())
                    .hasText("not an origin: must be an origin such as https://clinic.example");

            page.getByLabel("Allowed origins").fill(siteOrigin() + "/");
            button(page, "Make the key").click();
            var shown = page.locator("code.secret");
            assertThat(shown).containsText("pk_live_");
            assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Website " + width)))
                    .containsText(siteOrigin());
            assertThat(Axe.violations(page, "keys at " + width)).isEmpty();
            screenshot(page, "console-keys-" + width);

            String key = shown.textContent().strip();
            var widget = openWidget(siteOrigin(), width, key);
            assertThat(widget.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Consultation")))
                    .isVisible();

            button(page, "Revoke Website " + width).click();
            assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Website " + width)))
                    .containsText("revoked");
        }
    }

    @Test
    void anOwnerAddsAWebhookEndpointAndSeesItsTestEventDelivered() throws Exception {
        var practice = Clinic.practice(newOrganization());
        accept(invite(practice.clinic().org, "hooks-owner@clinic.example", "owner"));

        for (var width : new int[] {1280, 768}) {
            try (var receiver = new Receiver()) {
                var page = signedIn("hooks-owner@clinic.example", base + "/console/settings");
                page.setViewportSize(width, 900);
                link(page, "Webhooks").click();
                page.getByLabel("Address").fill(receiver.url());
                page.getByLabel("Every event, and new kinds as they come").uncheck();
                page.getByLabel("appointment.cancelled").check();
                assertThat(Axe.violations(page, "webhooks at " + width)).isEmpty();
                button(page, "Add the endpoint").click();
                assertThat(page.locator("code.secret")).containsText("whsec_");

                link(page, "Open " + receiver.url()).click();
                button(page, "Send a test event").click();
                assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("A test event is on its way");
                var request = receiver.await(1, Duration.ofSeconds(15)).get(0);
                assertThat(request.body()).contains("\"type\":\"webhook.test\"");
                assertThat(request.header("webhook-signature")).startsWith("v1,");

                var delivered = page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("delivered"));
                Eventually.until(
                        () -> {
                            page.reload();
                            return delivered.count() > 0;
                        },
                        Duration.ofSeconds(15),
                        "the delivery shown as delivered");
                assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText("webhook.test");
                assertThat(Axe.violations(page, "webhook endpoint at " + width)).isEmpty();
                screenshot(page, "console-webhook-" + width);

                button(page, "Turn off").click();
                assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("receives no events");
                assertThat(button(page, "Send a test event")).hasCount(0);
                button(page, "Remove the endpoint").click();
                assertThat(page.getByText("No endpoint receives this clinic's events yet."))
                        .isVisible();
            }
        }
    }

    @Test
    void theFrontDeskMayOpenNoneOfIt() {
        var practice = Clinic.practice(newOrganization());
        accept(invite(practice.clinic().org, "desk-settings@clinic.example", "front_desk"));
        var page = signedIn("desk-settings@clinic.example", base + "/console/settings");
        assertThat(link(page, "Organization and publishing")).hasCount(0);
        assertThat(link(page, "API keys")).hasCount(0);
        assertThat(link(page, "Webhooks")).hasCount(0);
        assertThat(link(page, "New appointment type")).hasCount(0);

        for (var path : new String[] {"organization", "keys", "webhooks", "types/new"}) {
            assertThat(page.navigate(base + "/console/settings/" + path).status())
                    .as(path)
                    .isEqualTo(403);
        }
    }
}
