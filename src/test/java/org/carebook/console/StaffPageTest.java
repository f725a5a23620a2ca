package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;

/** The Staff page in Chromium: an owner invites, changes a role, disables and removes; nobody else may. */
class StaffPageTest extends ConsoleBrowserTest {

    @Test
    void anOwnerInvitesDisablesAndRemovesStaffFromTheConsole() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        accept(invite(clinic.org, "boss@clinic.example", "owner"));
        var page = signedIn("boss@clinic.example", base + "/console/day?location=" + clinic.locationId);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Staff")))
                .isVisible();
        page.getByLabel("E-mail").fill("new.desk@clinic.example");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Nora Desk");
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("front_desk");
        button(page, "Send the invitation").click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Invited Nora Desk.");
        var row = page.getByRole(AriaRole.ROW)
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Nora Desk"));
        assertThat(row).containsText("Front desk");
        assertThat(row).containsText("invited");
        String invitation = page.locator("code").textContent();
        accept(invitation);
        screenshot(page, "console-staff-1280");
        page.setViewportSize(768, 1024);
        screenshot(page, "console-staff-768");
        page.setViewportSize(1280, 900);

        button(page, "Disable Nora Desk").click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .hasText("Nora Desk is disabled; their sessions have ended.");
        assertThat(ConsoleSession.location(new ConsoleSession().signIn(base, "new.desk@clinic.example", PASSWORD)))
                .doesNotEndWith("?failed");
        button(page, "Enable Nora Desk").click();
        page.getByLabel("New role for Nora Desk").selectOption("read_only");
        button(page, "Change role of Nora Desk").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Nora Desk's role is now Read only.");
        button(page, "Remove Nora Desk").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Nora Desk is no longer on the staff.");
        assertThat(page.getByRole(AriaRole.ROW)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Nora Desk")))
                .hasCount(0);

        button(page, "Remove Sam Desk").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("at least one active owner");
        assertThat(clinic.org
                        .live()
                        .get("/v1/audit-events?resource_type=staff")
                        .data()
                        .size())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void theFrontDeskHasNoStaffPage() {
        var practice = Clinic.practice(newOrganization());
        accept(invite(practice.clinic().org, "desk-only@clinic.example", "front_desk"));
        var session = new ConsoleSession();
        session.signIn(base, "desk-only@clinic.example", PASSWORD);

        assertThat(session.get(base, "/console/staff").statusCode()).isEqualTo(403);
        assertThat(session.postWithToken(
                                base,
                                "/console/day?location=" + practice.clinic().locationId,
                                "/console/staff",
                                "email=sneaky%40clinic.example&name=Sneaky&role=owner")
                        .statusCode())
                .isEqualTo(403);
        assertThat(practice.clinic().org.live().get("/v1/staff").data().size()).isEqualTo(1);
    }
}
