package org.carebook.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/**
 * Every console page, checked in Chromium by axe-core against the WCAG 2.1 A and AA rules a machine can
 * check (contrast, names, labels, landmarks, ARIA). What only a person can judge is in docs/console.md.
 */
class AccessibilityTest extends ConsoleBrowserTest {

    @Test
    void everyConsolePagePassesTheAutomatedWcag21AaChecks() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String id = Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-30T10:00:00Z"), 201)
                .id();
        Clinic.expect(
                clinic.hold(clinic.org.publishable(), practice.type(), practice.doctor(), "2027-03-30T12:00:00Z"), 201);
        String schedule = clinic.scheduleOf(practice.doctor());
        accept(invite(clinic.org, "a11y@clinic.example", "owner"));
        String day = "/console/day?location=" + clinic.locationId + "&date=2027-03-30";
        var problems = new ArrayList<String>();

        var page = newPage(1280);
        page.navigate(base + "/console/login");
        problems.addAll(check(page, "sign-in"));
        signIn(page, "a11y@clinic.example", PASSWORD);
        for (var path : List.of(
                day,
                "/console/week?location=" + clinic.locationId + "&clinician=" + practice.doctor() + "&date=2027-03-30",
                "/console/book?location=" + clinic.locationId + "&date=2027-03-30&type=" + practice.type(),
                "/console/appointments/" + id + "/move?back=/console/day",
                "/console/appointments/" + id + "?back=/console/day",
                "/console/patients/" + patient,
                "/console/time-off?location=" + clinic.locationId,
                "/console/staff",
                "/console/approvals?location=" + clinic.locationId,
                "/console/waitlist?location=" + clinic.locationId,
                "/console/settings",
                "/console/settings/types/" + practice.type(),
                "/console/settings/hours/" + schedule)) {
            page.navigate(base + path);
            problems.addAll(check(page, path));
        }

        assertThat(problems).isEmpty();
    }

    private static List<String> check(Page page, String name) {
        return Axe.violations(page, name);
    }
}
