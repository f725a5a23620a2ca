package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A patient who booked online with another e-mail address is flagged as a possible duplicate; the front desk
 * compares the two records and merges them, and the kept record holds both records' appointments.
 */
class MergeDuplicatesTest extends ConsoleBrowserTest {

    @Test
    void aReceptionistMergesAPossibleDuplicateIntoTheRecordOnFile() {
        for (int width : new int[] {1280, 768}) {
            var practice = Clinic.practice(newOrganization());
            var clinic = practice.clinic();
            String onFile = clinic.patient("email", "trisha@example.org");
            Clinic.expect(clinic.book(practice.type(), practice.doctor(), onFile, "2027-04-05T09:00:00Z"), 201);
            String duplicate = bookedOnline(clinic, practice, "2027-04-06T10:00:00Z");
            assertThat(clinic.api
                            .get("/v1/patients/" + duplicate)
                            .data()
                            .get("possible_duplicate_of")
                            .stringValue())
                    .isEqualTo(onFile);
            String email = "merge-desk-" + width + "@clinic.example";
            accept(invite(clinic.org, email, "front_desk"));

            var page = signedIn(email, base + "/console/patients/" + duplicate);
            page.setViewportSize(width, 900);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare and merge…"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Merge two records of one patient");
            assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("(" + onFile + ")")))
                    .isChecked();
            assertThat(Axe.violations(page, "merge at " + width)).isEmpty();
            screenshot(page, "console-merge-" + width);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge the records"))
                    .click();

            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The records are merged");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/patients/" + onFile + "\\?merged.*"));
            assertThat(page.locator("section[aria-labelledby=upcoming] tbody tr"))
                    .hasCount(2);
            assertThat(clinic.api.get("/v1/patients/" + duplicate).status()).isEqualTo(404);
            assertThat(clinic.api.get("/v1/appointments?patient_id=" + onFile).data())
                    .hasSize(2);
        }
    }

    /** A front-desk booking from the widget's key, by the same name and birth date with another address. */
    private static String bookedOnline(Clinic clinic, Clinic.Practice practice, String start) {
        var org = clinic.org;
        var hold = Clinic.expect(clinic.hold(org.publishable(), practice.type(), practice.doctor(), start), 201);
        var confirmed = Clinic.expect(
                org.publishable()
                        .post(
                                "/v1/holds/" + hold.id() + "/confirm",
                                Map.of("patient", Fixtures.patient("email", "trisha.new@example.org"))),
                201);
        return clinic.api
                .get("/v1/appointments/" + confirmed.id())
                .data()
                .get("patient_id")
                .stringValue();
    }
}
