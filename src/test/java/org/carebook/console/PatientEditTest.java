package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.Map;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's page at the front desk: how often they did not come or cancelled late, their details edited through
 * the same facade as the API (a bad phone number said on the page, nothing stored), and all their data exported.
 */
class PatientEditTest extends ConsoleBrowserTest {

    @Test
    void theFrontDeskEditsAPatientsDetailsAndExportsTheirData() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String missed = Clinic.expect(
                        clinic.book(practice.type(), practice.doctor(), patient, "2027-03-16T09:00:00Z"), 201)
                .id();
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-17T09:00:00Z"), 201);
        Clinic.expect(clinic.api.post("/v1/appointments/" + missed + "/no-show", Map.of()), 200);
        accept(invite(clinic.org, "details-desk@clinic.example", "front_desk"));

        for (int width : new int[] {1280, 768}) {
            var page = signedIn("details-desk@clinic.example", base + "/console/patients/" + patient);
            page.setViewportSize(width, 900);
            assertThat(page.getByText("No-shows: 1 · late cancellations: 0")).isVisible();
            assertThat(Axe.violations(page, "patient at " + width)).isEmpty();
            screenshot(page, "console-patient-" + width);

            String phoneBefore = clinic.api
                    .get("/v1/patients/" + patient)
                    .data()
                    .get("phone")
                    .toString();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit details…"))
                    .click();
            page.getByLabel("Phone").fill("12345");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Phone:");
            assertThat(Axe.violations(page, "patient edit with a problem at " + width))
                    .isEmpty();
            assertThat(clinic.api
                            .get("/v1/patients/" + patient)
                            .data()
                            .get("phone")
                            .toString())
                    .as("nothing stored")
                    .isEqualTo(phoneBefore);

            page.getByLabel("Phone").fill("07911 123456");
            page.getByLabel("Last name").fill(width == 1280 ? "Hopper-Smith" : "Hopper");
            page.getByLabel("Payer (none: no insurance)").fill("Bupa");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The details are saved.");
        }
        var saved = clinic.api.get("/v1/patients/" + patient).data();
        assertThat(saved.get("phone").stringValue()).isEqualTo("+447911123456");
        assertThat(saved.get("last_name").stringValue()).isEqualTo("Hopper");
        assertThat(saved.get("insurance").get("payer").stringValue()).isEqualTo("Bupa");
        var updates = clinic.api.get("/v1/events?type=patient.updated").data();
        assertThat(updates.get(0).get("data").get("object").get("changed").toString())
                .contains("last_name", "phone", "insurance");

        var page = signedIn("details-desk@clinic.example", base + "/console/patients/" + patient);
        var download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export all data (JSON)"))
                        .click());
        var exported = JsonMapper.builder().build().readTree(Files.readString(download.path()));
        assertThat(exported.get("patient").get("id").stringValue()).isEqualTo(patient);
        assertThat(exported.get("patient").get("first_name").stringValue()).isEqualTo("Grace");
        assertThat(exported.get("appointments").size()).isEqualTo(2);
        assertThat(exported.get("appointments").get(0).get("status").stringValue())
                .isEqualTo("no_show");
    }
}
