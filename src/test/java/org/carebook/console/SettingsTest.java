package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * The settings an owner changes without a programmer: a type's colour, seen on the day, and a clinician's weekly
 * hours, offered by the widget at once; hours that would strand bookings list them and ask again.
 */
class SettingsTest extends ConsoleBrowserTest {

    @Test
    void anOwnerChangesATypesColourAndSeesItOnTheDay() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-16T09:00:00Z"), 201);
        accept(invite(clinic.org, "colour-owner@clinic.example", "owner"));
        String day = base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16";

        for (var width : new int[] {1280, 768}) {
            String colour = width == 1280 ? "Teal" : "Purple";
            var page = signedIn("colour-owner@clinic.example", day);
            page.setViewportSize(width, 900);
            link(page, "Settings").click();
            assertThat(Axe.violations(page, "settings at " + width)).isEmpty();
            screenshot(page, "console-settings-" + width);
            link(page, "Edit Consultation").click();
            page.getByLabel(colour, new Page.GetByLabelOptions().setExact(true)).check();
            assertThat(Axe.violations(page, "type settings at " + width)).isEmpty();
            screenshot(page, "console-type-settings-" + width);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The appointment type is saved.");

            page.navigate(day);
            assertThat(page.locator("article.appointment").first())
                    .hasClass(Pattern.compile(".*\\btype-" + colour.toLowerCase() + "\\b.*"));
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Appointment types")))
                    .containsText("Consultation");
        }
        assertThat(clinic.api
                        .get("/v1/appointment-types/" + practice.type())
                        .data()
                        .get("color")
                        .stringValue())
                .isEqualTo("purple");
    }

    @Test
    void anOwnerEditsWeeklyHoursAndTheWidgetOffersTheNewTimes() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        String schedule = clinic.everyDay(doctor, "09:00", "11:00");
        clinic.type("name", "General consultation");
        String key = widgetKey(clinic.org);
        assertThat(widgetTimes(key)).isNotEmpty().noneMatch(t -> t.startsWith("14:00"));
        accept(invite(clinic.org, "hours-owner@clinic.example", "owner"));

        for (var width : new int[] {1280, 768}) {
            var page = signedIn("hours-owner@clinic.example", base + "/console/settings");
            page.setViewportSize(width, 900);
            link(page, "Edit the hours of Dr Ada Byron").click();
            assertThat(page.getByText("Europe/London (GMT, BST in summer)")).isVisible();
            String until = width == 1280 ? "15:00" : "16:00";
            for (var weekday :
                    new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
                page.locator("#" + weekday + "-1-start").fill("14:00");
                page.locator("#" + weekday + "-1-end").fill(until);
            }
            assertThat(Axe.violations(page, "hours at " + width)).isEmpty();
            screenshot(page, "console-hours-" + width);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save hours"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The working hours are saved.");
            assertThat(page.getByRole(
                            AriaRole.CELL, new Page.GetByRoleOptions().setName("Mon–Sun 09:00–11:00, 14:00–" + until)))
                    .isVisible();
        }

        assertThat(widgetTimes(key)).anyMatch(t -> t.startsWith("14:00")).anyMatch(t -> t.startsWith("15:30"));
        assertThat(clinic.api
                        .get("/v1/schedules/" + schedule)
                        .data()
                        .get("weekly_hours")
                        .toString())
                .contains("{\"day\":\"sunday\",\"start\":\"14:00\",\"end\":\"16:00\"}");
    }

    @Test
    void shorterHoursListTheBookingsTheyWouldStrandAndAreSavedOnlyWhenAskedAgain() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String booked = Clinic.expect(
                        clinic.book(practice.type(), practice.doctor(), patient, "2027-03-16T09:00:00Z"), 201)
                .id();
        String schedule = clinic.scheduleOf(practice.doctor());
        accept(invite(clinic.org, "strand-owner@clinic.example", "owner"));
        var page = signedIn("strand-owner@clinic.example", base + "/console/settings/hours/" + schedule);

        page.locator("#tuesday-0-start").fill("10:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save hours"))
                .click();
        var alert = page.locator(".stranded");
        assertThat(alert).containsText("This booked appointment would fall outside the new hours.");
        assertThat(alert).containsText("Tue 16 Mar 2027 09:00 · Grace Hopper");
        assertThat(hoursOf(clinic, schedule)).contains("{\"day\":\"tuesday\",\"start\":\"09:00\",\"end\":\"17:00\"}");
        assertThat(Axe.violations(page, "hours with stranded bookings")).isEmpty();
        screenshot(page, "console-hours-stranded-1280");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save anyway"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The working hours are saved.");
        assertThat(hoursOf(clinic, schedule)).contains("{\"day\":\"tuesday\",\"start\":\"10:00\",\"end\":\"17:00\"}");
        assertThat(clinic.api
                        .get("/v1/appointments/" + booked)
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("confirmed");
    }

    @Test
    void badHoursAndBadTypeFieldsAreSaidOnThePageAndNothingIsStored() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String schedule = clinic.scheduleOf(practice.doctor());
        accept(invite(clinic.org, "bad-owner@clinic.example", "owner"));
        var session = new ConsoleSession();
        session.signIn(base, "bad-owner@clinic.example", PASSWORD);
        String hoursPage = "/console/settings/hours/" + schedule;
        String typePage = "/console/settings/types/" + practice.type();

        var backwards = session.postWithToken(base, hoursPage, hoursPage, "tuesday-0-start=17:00&tuesday-0-end=09:00");
        var overlapping = session.postWithToken(
                base,
                hoursPage,
                hoursPage,
                "monday-0-start=09:00&monday-0-end=12:00&monday-1-start=11:00&monday-1-end=13:00");
        var halfGiven = session.postWithToken(base, hoursPage, hoursPage, "friday-0-start=9");
        var tooShort = session.postWithToken(
                base, typePage, typePage, "name=Consultation&duration=0&bufferBefore=0&bufferAfter=0&price=-1");

        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("Tuesday: a block must end after it starts");
        assertThat(overlapping.statusCode()).isEqualTo(422);
        assertThat(overlapping.body()).contains("Monday: two blocks overlap");
        assertThat(halfGiven.statusCode()).isEqualTo(422);
        assertThat(halfGiven.body()).contains("Friday: give both times of a block");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body())
                .contains("Length: must be a whole number of minutes from 1 to 1440")
                .contains("Price: must be an amount such as 65.00");
        assertThat(hoursOf(clinic, schedule)).contains("{\"day\":\"tuesday\",\"start\":\"09:00\",\"end\":\"17:00\"}");
        assertThat(clinic.api
                        .get("/v1/appointment-types/" + practice.type())
                        .data()
                        .get("duration_minutes")
                        .intValue())
                .isEqualTo(30);

        String name = "Kinésithérapie – première visite";
        var renamed = session.postWithToken(
                base,
                typePage,
                typePage,
                "name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                        + "&duration=45&bufferBefore=0&bufferAfter=5&price=&inPerson=on&online=on&active=on&colour=gold");
        assertThat(renamed.statusCode()).isEqualTo(302);
        var type = clinic.api.get("/v1/appointment-types/" + practice.type()).data();
        assertThat(type.get("name").stringValue()).isEqualTo(name);
        assertThat(type.get("duration_minutes").intValue()).isEqualTo(45);
        assertThat(type.get("buffer_after_minutes").intValue()).isEqualTo(5);
        assertThat(type.get("color").stringValue()).isEqualTo("gold");
        assertThat(type.get("price").isNull()).isTrue();
    }

    /** Front desks set hours but not types; clinicians and read-only staff are refused the settings. */
    @Test
    void eachRoleSeesOnlyTheSettingsItMayChange() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        accept(invite(clinic.org, "settings-desk@clinic.example", "front_desk"));
        accept(invite(clinic.org, "settings-reader@clinic.example", "read_only"));
        var desk = new ConsoleSession();
        desk.signIn(base, "settings-desk@clinic.example", PASSWORD);
        var reader = new ConsoleSession();
        reader.signIn(base, "settings-reader@clinic.example", PASSWORD);

        var deskSettings = desk.get(base, "/console/settings");
        assertThat(deskSettings.statusCode()).isEqualTo(200);
        assertThat(deskSettings.body()).contains("Edit hours").doesNotContain("Edit Consultation");
        assertThat(desk.get(base, "/console/settings/types/" + practice.type()).statusCode())
                .isEqualTo(403);
        String typePage = "/console/settings/types/" + practice.type();
        assertThat(desk.postWithToken(base, "/console/settings", typePage, "name=Renamed&duration=30")
                        .statusCode())
                .isEqualTo(403);
        assertThat(reader.get(base, "/console/settings").statusCode()).isEqualTo(403);
        assertThat(reader.get(base, "/console/day?location=" + clinic.locationId)
                        .body())
                .doesNotContain(">Settings<");
        assertThat(clinic.api
                        .get("/v1/appointment-types/" + practice.type())
                        .data()
                        .get("name")
                        .stringValue())
                .isEqualTo("Consultation");
    }

    /** The widget's times on its second day with any, as their buttons read, in a fresh browser. */
    private java.util.List<String> widgetTimes(String key) {
        var page = openWidget(siteOrigin(), 1280, key);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("General consultation"))
                .click();
        page.locator("[data-day]:not([disabled])").nth(1).click();
        assertThat(page.locator("[data-slot]").first()).isVisible();
        return page.locator("[data-slot]").allTextContents();
    }

    private String hoursOf(Clinic clinic, String schedule) {
        return clinic.api
                .get("/v1/schedules/" + schedule)
                .data()
                .get("weekly_hours")
                .toString();
    }
}
