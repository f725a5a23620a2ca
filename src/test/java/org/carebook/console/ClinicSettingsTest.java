package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/**
 * What an owner sets up without a programmer: the organization's rules and the publication of its free times, a
 * new clinician with hours the API then offers, a new appointment type, and rooms, where taking one away from
 * bookings still to come lists them and asks again.
 */
class ClinicSettingsTest extends ConsoleBrowserTest {

    @Test
    void anOwnerSetsTheOrganizationsRulesAndPublishesItsFreeTimes() {
        var clinic = Clinic.practice(newOrganization()).clinic();
        accept(invite(clinic.org, "rules-owner@clinic.example", "owner"));

        for (var width : new int[] {1280, 768}) {
            var page = signedIn("rules-owner@clinic.example", base + "/console/settings");
            page.setViewportSize(width, 900);
            link(page, "Organization and publishing").click();
            page.getByLabel("Reminders (hours before)").fill(width == 1280 ? "48, 2" : "24");
            page.getByLabel("Cancel up to (hours before)").fill("24");
            page.getByLabel("Bookings to come per patient").fill("3");
            assertThat(Axe.violations(page, "organization at " + width)).isEmpty();
            screenshot(page, "console-organization-" + width);
            button(page, "Save rules").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The organization's rules are saved.");
        }
        var page = signedIn("rules-owner@clinic.example", base + "/console/settings/organization");
        page.getByLabel("Booking page").fill("https://clinic.example/book");
        button(page, "Publish").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Free times are published.");

        var organization = clinic.api.get("/v1/organization").data();
        assertThat(organization.get("reminder_hours_before").toString()).isEqualTo("[24]");
        assertThat(organization.get("cancel_notice_hours").intValue()).isEqualTo(24);
        assertThat(organization.get("max_active_bookings_per_patient").intValue())
                .isEqualTo(3);
        var publication = clinic.api.get("/v1/slot-publication").data();
        assertThat(publication.get("is_published").booleanValue()).isTrue();
        assertThat(publication.get("booking_page_url").stringValue()).isEqualTo("https://clinic.example/book");

        page.getByLabel("Reminders (hours before)").fill("soon, 2");
        button(page, "Save rules").click();
        assertThat(page.locator(".problem"))
                .hasText("Reminders: must be hours from 1 to 720, separated by commas, such as 24, 2");
        assertThat(Axe.violations(page, "organization with problems")).isEmpty();
        assertThat(clinic.api
                        .get("/v1/organization")
                        .data()
                        .get("reminder_hours_before")
                        .toString())
                .isEqualTo("[24]");
    }

    @Test
    void anOwnerAddsAClinicianAndTheirHoursAreOffered() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String type = clinic.type("name", "General consultation");
        accept(invite(clinic.org, "team-owner@clinic.example", "owner"));

        for (var width : new int[] {1280, 768}) {
            String name = width == 1280 ? "Dr Mary Seacole" : "Dr Elizabeth Blackwell";
            var page = signedIn("team-owner@clinic.example", base + "/console/settings");
            page.setViewportSize(width, 900);
            link(page, "New clinician").click();
            page.getByLabel("Name").fill(name);
            page.getByLabel("Specialty").fill("Physiotherapy");
            assertThat(Axe.violations(page, "new clinician at " + width)).isEmpty();
            button(page, "Add the clinician").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The clinician is saved.");
            assertThat(page.getByText("No working hours yet")).isVisible();
            assertThat(Axe.violations(page, "clinician at " + width)).isEmpty();
            screenshot(page, "console-clinician-" + width);
            button(page, "Set hours there").click();
            for (var weekday :
                    new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
                page.locator("#" + weekday + "-0-start").fill(width == 1280 ? "10:00" : "14:00");
                page.locator("#" + weekday + "-0-end").fill(width == 1280 ? "11:00" : "15:00");
            }
            button(page, "Save hours").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The working hours are saved.");
        }

        var page = signedIn("team-owner@clinic.example", base + "/console/settings");
        link(page, "Edit Dr Mary Seacole").click();
        button(page, "Make a calendar subscription").click();
        String webcal = page.locator("code.secret").textContent().strip();
        assertThat(webcal).startsWith("webcal://").endsWith(".ics");
        assertThat(Axe.violations(page, "clinician with a subscription")).isEmpty();
        var file = anonymous().get(webcal.substring(webcal.indexOf("/calendars/")));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).contains("X-WR-CALNAME:Dr Mary Seacole");

        assertThat(clinic.starts(type, "2027-03-16", "2027-03-16"))
                .containsExactly(
                        "2027-03-16T10:00:00Z", "2027-03-16T10:30:00Z", "2027-03-16T14:00:00Z", "2027-03-16T14:30:00Z");
        var seacole = clinic.api.get("/v1/clinicians?is_active=true").data().get(0);
        assertThat(seacole.get("name").stringValue()).isEqualTo("Dr Mary Seacole");
        assertThat(seacole.get("specialty").stringValue()).isEqualTo("Physiotherapy");
    }

    @Test
    void anOwnerAddsAnAppointmentTypeAndItIsOffered() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        accept(invite(clinic.org, "types-owner@clinic.example", "owner"));

        for (var width : new int[] {1280, 768}) {
            String name = width == 1280 ? "Sports massage" : "Acupuncture";
            var page = signedIn("types-owner@clinic.example", base + "/console/settings");
            page.setViewportSize(width, 900);
            link(page, "New appointment type").click();
            page.getByLabel("Name").fill(name);
            page.getByLabel("Length (minutes)").fill("45");
            page.getByLabel("Price (GBP)").fill("55.00");
            assertThat(Axe.violations(page, "new type at " + width)).isEmpty();
            button(page, "Save").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The appointment type is saved.");
            assertThat(page.getByRole(
                            AriaRole.CELL,
                            new com.microsoft.playwright.Page.GetByRoleOptions()
                                    .setName(name)
                                    .setExact(true)))
                    .isVisible();
        }

        var types = clinic.api.get("/v1/appointment-types").data();
        String massage = null;
        for (var t : types) {
            if (t.get("name").stringValue().equals("Sports massage")) {
                assertThat(t.get("duration_minutes").intValue()).isEqualTo(45);
                assertThat(t.get("price").decimalValue()).isEqualByComparingTo("55.00");
                massage = t.get("id").stringValue();
            }
        }
        assertThat(massage).isNotNull();
        // A new type is booked up to the API's default horizon ahead, so its times are looked for next week.
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                .plusDays(7)
                .toString();
        assertThat(clinic.starts(massage, day, day)).isNotEmpty();
    }

    @Test
    void takingAwayARoomWithBookingsListsThemAndAsksAgain() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        accept(invite(clinic.org, "rooms-owner@clinic.example", "owner"));

        for (var width : new int[] {1280, 768}) {
            String room = width == 1280 ? "Room 1" : "Room 2";
            String roomId = clinic.room(room);
            String start = width == 1280 ? "2027-03-16T09:00:00Z" : "2027-03-17T10:00:00Z";
            Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, start, "room_id", roomId), 201);
            var page = signedIn("rooms-owner@clinic.example", base + "/console/settings");
            page.setViewportSize(width, 900);
            link(page, "Edit Harley Street and its rooms").click();
            button(page, "Take out of use " + room).click();

            var alert = page.locator(".stranded");
            assertThat(alert).containsText("This booked appointment is in " + room + ".");
            assertThat(alert)
                    .containsText(width == 1280 ? "Tue 16 Mar 2027 09:00 · Grace Hopper" : "Wed 17 Mar 2027 10:00");
            assertThat(clinic.api
                            .get("/v1/locations/" + clinic.locationId)
                            .data()
                            .toString())
                    .contains("{\"id\":\"" + roomId + "\",\"name\":\"" + room + "\",\"is_active\":true}");
            assertThat(Axe.violations(page, "room with bookings at " + width)).isEmpty();
            screenshot(page, "console-location-" + width);

            button(page, "Take " + room + " out of use anyway").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The rooms are saved.");
            button(page, "Bring back " + room).click();
            assertThat(button(page, "Take out of use " + room)).isVisible();
            page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                    .last()
                    .fill(room + " (garden)");
            button(page, "Add the room").click();
            assertThat(button(page, "Rename " + room + " (garden)")).isVisible();
        }
    }
}
