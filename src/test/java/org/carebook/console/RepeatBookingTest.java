package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** The front desk books a course of weekly visits with "Repeat…", all or nothing. */
class RepeatBookingTest extends ConsoleBrowserTest {

    @Test
    void aReceptionistBooksFourWeeklyVisitsAndIsToldWhichDateIsInTheWay() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String grace = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        Clinic.expect(
                clinic.book(practice.type(), practice.doctor(), clinic.patient(), "2027-03-30T10:00:00+01:00"), 201);
        accept(invite(clinic.org, "repeat-desk@clinic.example", "front_desk"));
        var page = signedIn(
                "repeat-desk@clinic.example",
                base + "/console/book?location=" + clinic.locationId + "&date=2027-03-16&type=" + practice.type());

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("10:00"))
                .check();
        page.getByLabel("Find by name, phone or e-mail").fill("hopper");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Find").setExact(true))
                .click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Grace Hopper"))
                .check();
        page.getByText("Repeat…").click();
        page.getByLabel("Repeats").selectOption("1");
        page.getByLabel("Times in all").fill("4");
        assertThat(Axe.violations(page, "repeat")).isEmpty();
        screenshot(page, "console-repeat-1280");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Book").setExact(true))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("2027-03-30 (taken)");
        assertThat(clinic.api.get("/v1/appointments?patient_id=" + grace).data())
                .isEmpty();

        page.getByLabel("Times in all").fill("2");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Book").setExact(true))
                .click();

        page.waitForURL(url -> url.contains("/console/day"));
        var booked = clinic.api.get("/v1/appointments?patient_id=" + grace).data();
        assertThat(booked.findValuesAsString("start_time"))
                .containsExactly("2027-03-16T10:00:00Z", "2027-03-23T10:00:00Z");
        assertThat(booked.findValuesAsString("series_id")).hasSize(2).doesNotContainNull();
    }
}
