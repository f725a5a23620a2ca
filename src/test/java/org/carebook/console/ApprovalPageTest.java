package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** A receptionist works through the bookings waiting for approval: one approved, one declined with a reason. */
class ApprovalPageTest extends ConsoleBrowserTest {

    @Test
    void aReceptionistApprovesOneOnlineBookingAndDeclinesAnotherWithAReason() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "12:00");
        String surgery = clinic.type("name", "Minor surgery", "requires_approval", true);
        String grace = bookOnline(clinic, surgery, doctor, "2027-03-16T09:00:00Z", "Grace", "Hopper");
        String alan = bookOnline(clinic, surgery, doctor, "2027-03-16T10:00:00Z", "Alan", "Turing");
        accept(invite(org, "approvals-desk@clinic.example", "front_desk"));
        var page = signedIn(
                "approvals-desk@clinic.example",
                base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("To approve"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("To approve")))
                .isVisible();
        assertThat(page.locator("tr[data-appointment]")).hasCount(2);
        assertThat(Axe.violations(page, "approvals")).isEmpty();
        screenshot(page, "console-approvals-1280");
        page.setViewportSize(375, 900);
        screenshot(page, "console-approvals-375");
        page.setViewportSize(1280, 900);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Approve Grace Hopper, Tue 16 Mar 2027 09:00"))
                .click();

        assertThat(page.getByText("Approved: the patient has been sent the confirmation."))
                .isVisible();
        assertThat(page.locator("tr[data-appointment]")).hasCount(1);
        page.getByLabel("Reason for declining").fill("Please see Dr Byron for an assessment first.");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Decline Alan Turing, Tue 16 Mar 2027 10:00"))
                .click();

        assertThat(page.getByText("No bookings are waiting for approval here.")).isVisible();
        assertThat(status(clinic, grace)).isEqualTo("confirmed");
        var declined = clinic.api.get("/v1/appointments/" + alan).data();
        assertThat(declined.get("status").stringValue()).isEqualTo("declined");
        assertThat(declined.get("cancellation_reason").stringValue())
                .isEqualTo("Please see Dr Byron for an assessment first.");
        assertThat(clinic.starts(surgery, "2027-03-16", "2027-03-16")).contains("2027-03-16T10:00:00Z");
    }

    private String bookOnline(Clinic clinic, String type, String doctor, String start, String first, String last) {
        var hold = Clinic.expect(clinic.hold(clinic.org.publishable(), type, doctor, start), 201);
        var patient = Map.of("first_name", first, "last_name", last, "date_of_birth", "1990-12-10");
        return Clinic.expect(
                        clinic.org
                                .publishable()
                                .post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient", patient)),
                        201)
                .id();
    }

    private static String status(Clinic clinic, String id) {
        return clinic.api.get("/v1/appointments/" + id).data().get("status").stringValue();
    }
}
