package org.carebook.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class WidgetTest extends BrowserTest {

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 375})
    void aPatientBooksAndTheClinicSeesTheAppointment(int width) {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        clinic.type("name", "General consultation", "price", 65);
        var page = openWidget(siteOrigin(), width, widgetKey(clinic.org));

        heading(page, "Choose a service");
        assertThat(page.getByText("£65.00")).isVisible();
        screenshot(page, width + "-1-service");
        button(page, "General consultation").click();
        heading(page, "Choose a time for General consultation");
        screenshot(page, width + "-2-time");
        page.locator("[data-slot]").first().click();
        heading(page, "Your details");
        assertThat(page.locator("[data-countdown]")).hasText(java.util.regex.Pattern.compile("1[45]:\\d\\d"));
        fillDetails(page, "Grace", "Hopper", "1985-06-01", "grace@example.com", "+44 20 7946 0123");
        screenshot(page, width + "-3-details");
        button(page, "Confirm booking").click();
        heading(page, "You are booked");
        assertThat(page.getByText("Add to calendar")).hasAttribute("download", "appointment.ics");
        screenshot(page, width + "-4-done");

        var appointments =
                clinic.api.get("/v1/appointments?clinician_id=" + doctor).data();
        assertThat(appointments).hasSize(1);
        assertThat(appointments.get(0).get("status").stringValue()).isEqualTo("confirmed");
        var patient = clinic.api
                .get("/v1/patients/" + appointments.get(0).get("patient_id").stringValue())
                .data();
        assertThat(patient.get("last_name").stringValue()).isEqualTo("Hopper");
        assertThat(patient.get("email").stringValue()).isEqualTo("grace@example.com");
    }

    @Test
    void aTimeTakenWhileThePatientLooksIsReportedAndTheListRefreshed() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        String type = clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org), "appointment-type-id", type);
        heading(page, "Choose a time for General consultation");
        var first = page.locator("[data-slot]").first();
        String slot = first.getAttribute("data-slot");
        String start = slot.substring(0, slot.indexOf('|'));

        Clinic.expect(clinic.book(type, doctor, clinic.patient(), start), 201);
        first.click();

        assertThat(page.getByText("that time was just taken")).isVisible();
        heading(page, "Choose a time for General consultation");
        assertThat(page.locator("[data-slot^='" + start + "|']")).hasCount(0);
        assertThat(page.locator("[data-slot]").first()).isVisible();
    }

    /** SMART Scheduling Links: a directory's link to a published slot opens the widget holding that time. */
    @Test
    void aBookingLinkFromThePublishedSlotsOpensTheWidgetHoldingThatTimeAndCreditsTheDirectory() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        clinic.type("name", "General consultation");
        Clinic.expect(
                clinic.api.put("/v1/slot-publication", Map.of("booking_page_url", "https://clinic.example/book")), 200);
        String slots = anonymous()
                .get("/fhir/r4/publish/" + clinic.org.id().replaceFirst("_", "-") + "/Slot.ndjson")
                .text();
        var slot = JsonMapper.builder()
                .build()
                .readTree(slots.lines().skip(2).findFirst().orElseThrow());
        String link = slot.get("extension").get(0).get("valueUrl").stringValue();
        String start = slot.get("start").stringValue();

        // The directory appends who it is and its own reference, as SMART Scheduling Links lets it.
        String query = link.substring(link.indexOf('?') + 1) + "&source=directory.example&booking-referral=ref-42";
        var page = openWidgetWithQuery(query, 1280, widgetKey(clinic.org));

        heading(page, "Your details");
        screenshot(page, "1280-booking-link-details");
        fillDetails(page, "Grace", "Hopper", "1985-06-01", "grace@example.com", "+44 20 7946 0123");
        button(page, "Confirm booking").click();
        heading(page, "You are booked");
        var booked = clinic.api.get("/v1/appointments?clinician_id=" + doctor).data();
        assertThat(booked).hasSize(1);
        assertThat(java.time.Instant.parse(booked.get(0).get("start_time").stringValue()))
                .isEqualTo(java.time.OffsetDateTime.parse(start).toInstant());
        var referral = booked.get(0).get("referral");
        assertThat(referral.get("source").stringValue()).isEqualTo("directory.example");
        assertThat(referral.get("booking_referral").stringValue()).isEqualTo("ref-42");
        assertThat(clinic.api.get("/v1/events?type=appointment.created").text())
                .as("the event credits the directory too")
                .contains("ref-42");
    }

    @Test
    void videoOnlyShowsOnlyVideoTimes() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "10:00");
        Clinic.expect(
                clinic.api.post(
                        "/v1/schedules",
                        Map.of(
                                "clinician_id",
                                doctor,
                                "is_remote",
                                true,
                                "timezone",
                                "Europe/London",
                                "weekly_hours",
                                Clinic.hoursEveryDay("18:00", "19:00"))),
                201);
        clinic.type("name", "Medication review", "modes", List.of("in_person", "remote"));
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org));
        button(page, "Medication review").click();
        heading(page, "Choose a time for Medication review");
        laterDay(page).click(); // a whole day, with both kinds of time whatever the hour now
        int all = page.locator("[data-slot]").count();

        page.getByLabel("Video appointments only").check();

        var video = page.locator("[data-slot]");
        assertThat(video.first()).isVisible();
        assertThat(video.count()).isLessThan(all);
        assertThat(video.allTextContents()).allSatisfy(text -> assertThat(text).endsWith("video"));
    }

    @Test
    void aPatientCanBookWithTheKeyboardAlone() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org));

        heading(page, "Choose a service");
        assertThat(focused(page)).isEqualTo("nothing");
        press(page, "Tab");
        assertThat(focused(page)).startsWith("BUTTON General consultation");
        press(page, "Enter");
        heading(page, "Choose a time for General consultation");
        assertThat(focused(page)).startsWith("H2 Choose a time");
        press(page, "Tab");
        String firstDay = focused(page);
        assertThat(firstDay).startsWith("BUTTON ").contains("times");
        press(page, "ArrowRight", "Enter");
        assertThat(focused(page)).startsWith("BUTTON ").isNotEqualTo(firstDay);
        press(page, "Tab", "Tab");
        assertThat(focused(page)).matches("BUTTON \\d{1,2}:\\d{2}.*");
        press(page, "Enter");
        heading(page, "Your details");
        assertThat(focused(page)).isEqualTo("H2 Your details");
        press(page, "Tab");
        page.keyboard().type("Alan");
        press(page, "Tab");
        page.keyboard().type("Turing");
        press(page, "Tab");
        page.keyboard().type("23");
        press(page, "Tab");
        page.keyboard().type("6");
        press(page, "Tab");
        page.keyboard().type("1982");
        press(page, "Tab");
        page.keyboard().type("alan@example.com");
        press(page, "Tab", "Tab", "Enter");

        heading(page, "You are booked");
        assertThat(focused(page)).isEqualTo("H2 You are booked");
        var patients = clinic.api.get("/v1/patients?search=Turing").data();
        assertThat(patients.get(0).get("date_of_birth").stringValue()).isEqualTo("1982-06-23");
    }

    /** A class says how many places are left at each time, and booking one takes a place in its session. */
    @Test
    void aPatientTakesAPlaceInAClassThatSaysHowManyAreLeft() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String teacher = clinic.clinician("Jo Pilates");
        clinic.everyDay(teacher, "09:00", "11:00");
        String pilates = clinic.type("name", "Pilates", "capacity", 3, "duration_minutes", 60);
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String first = clinic.starts(
                        pilates, today.toString(), today.plusDays(13).toString())
                .get(0);
        Clinic.expect(clinic.book(pilates, teacher, clinic.patient(), first), 201);
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org), "appointment-type-id", pilates);
        heading(page, "Choose a time for Pilates");

        var firstTime = page.locator("[data-slot]").first();
        assertThat(firstTime).containsText("2 places left");
        assertThat(page.locator("[data-slot]").nth(1)).containsText("3 places left");
        assertThat(Axe.violations(page, "class times")).isEmpty();
        screenshot(page, "class-times");
        firstTime.click();
        heading(page, "Your details");
        fillDetails(page, "Grace", "Hopper", "1985-06-01", "grace@example.com", "+44 20 7946 0123");
        button(page, "Confirm booking").click();
        heading(page, "You are booked");

        var seats = clinic.api.get("/v1/appointments?clinician_id=" + teacher).data();
        assertThat(seats).hasSize(2);
        assertThat(seats.findValuesAsString("session_id"))
                .hasSize(2)
                .containsOnly(seats.get(0).get("session_id").stringValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {375, 1280})
    void withAnyClinicianAPatientChoosesADayThenATimeThatAppearsOnce(int width) {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctors = List.of(clinic.clinician("Dr Ada Byron"), clinic.clinician("Dr Tomás Silva"));
        doctors.forEach(d -> clinic.everyDay(d, "09:00", "11:00"));
        String type = clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), width, widgetKey(clinic.org), "appointment-type-id", type);
        heading(page, "Choose a time for General consultation");

        var secondDay = laterDay(page);
        String date = secondDay.getAttribute("data-day");
        secondDay.click();

        assertThat(secondDay).hasAttribute("aria-pressed", "true");
        var times = page.locator("[data-slot]");
        assertThat(times.first()).isVisible();
        assertThat(times.allTextContents()).doesNotHaveDuplicates().hasSize(4); // 09:00 to 10:30, once each
        assertThat(times.first().getAttribute("data-slot"))
                .startsWith(date + "T09:00")
                .contains("|any|");
        times.first().click();
        heading(page, "Your details");
        var held = jdbc.sql("SELECT clinician_id FROM holds WHERE organization_id = :org AND status = 'active'")
                .param("org", clinic.org.id())
                .query(String.class)
                .list();
        assertThat(held).hasSize(1);
        assertThat(doctors).contains(held.get(0));
    }

    @Test
    void detailsAreCheckedBeforeAnythingIsSent() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.everyDay(clinic.clinician("Dr Ada Byron"), "09:00", "11:00");
        String type = clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org), "appointment-type-id", type);
        page.locator("[data-slot]").first().click();
        heading(page, "Your details");

        fillDetails(page, "Grace", "", "2999-01-01", "not-an-email", "");
        button(page, "Confirm booking").click();

        assertThat(page.getByLabel("Last name")).isFocused();
        assertThat(page.getByLabel("Last name")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByText("Enter your last name.")).isVisible();
        assertThat(page.getByText("Enter a real date of birth.")).isVisible();
        assertThat(page.getByText("Enter an e-mail address like name@example.com."))
                .isVisible();
        assertThat(clinic.api.get("/v1/appointments").data()).isEmpty();
    }

    @Test
    void theWidgetFitsA320PixelScreen() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.everyDay(clinic.clinician("Dr Ada Byron"), "09:00", "11:00");
        clinic.everyDay(clinic.clinician("Dr Tomás Silva"), "09:00", "11:00");
        clinic.type("name", "A service with quite a long name to wrap");
        var page = openWidget(siteOrigin(), 320, widgetKey(clinic.org));

        button(page, "A service with quite a long name to wrap").click();
        heading(page, "Choose a time for A service with quite a long name to wrap");
        screenshot(page, "320-2-time");

        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(320);
        page.locator("[data-slot]").first().click();
        heading(page, "Your details");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(320);
    }

    @Test
    void aWebsiteTheKeyDoesNotAllowGetsNoServicesButAClearMessage() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.type("name", "General consultation");
        var page = openWidget(otherOrigin(), 1280, widgetKey(clinic.org));

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("could not reach the booking service");
        assertThat(button(page, "General consultation")).hasCount(0);
        var preflight = anonymous()
                .with("Origin", otherOrigin())
                .with("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/v1/appointment-types", null);
        assertThat(preflight.status()).isEqualTo(403);
    }

    @Test
    void aNetworkFailureOffersARetryThatWorks() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.type("name", "General consultation");
        String key = widgetKey(clinic.org);
        var page = newPage(1280);
        page.route(base + "/v1/appointment-types", Route::abort);
        open(page, siteOrigin(), key);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("could not reach the booking service");

        page.unroute(base + "/v1/appointment-types");
        button(page, "Try again").click();

        heading(page, "Choose a service");
        assertThat(button(page, "General consultation")).isVisible();
        assertThat(focused(page)).isEqualTo("H2 Choose a service");
    }

    @Test
    void pickingAnotherTimeReleasesTheFirstHold() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        String type = clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org), "appointment-type-id", type);
        laterDay(page).click(); // a whole day: two times, whatever the hour now
        var slots = page.locator("[data-slot]");
        String first = slots.nth(0).getAttribute("data-slot");
        slots.nth(0).click();
        heading(page, "Your details");

        button(page, "Choose another time").click();
        page.locator("[data-slot]").nth(1).click();
        heading(page, "Your details");

        assertThat(jdbc.sql("SELECT count(*) FROM holds WHERE organization_id = :org AND status = 'active'")
                        .param("org", clinic.org.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(clinic.starts(type, first.substring(0, 10), first.substring(0, 10)))
                .contains(first.substring(0, first.indexOf('|')));
    }

    @Test
    void aRateLimitedAnswerIsWaitedOutAndRetried() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.type("name", "General consultation");
        String key = widgetKey(clinic.org);
        var page = newPage(1280);
        var limited = new java.util.concurrent.atomic.AtomicBoolean();
        page.route(base + "/v1/appointment-types", route -> {
            if (limited.compareAndSet(false, true)) {
                route.fulfill(new Route.FulfillOptions()
                        .setStatus(429)
                        .setHeaders(Map.of(
                                "Retry-After",
                                "1",
                                "Access-Control-Allow-Origin",
                                siteOrigin(),
                                "Access-Control-Expose-Headers",
                                "Retry-After",
                                "Content-Type",
                                "application/json"))
                        .setBody("{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"Too many requests\"}}"));
            } else {
                route.resume();
            }
        });
        open(page, siteOrigin(), key);

        assertThat(page.getByText("Trying again in 1 s")).isVisible();
        heading(page, "Choose a service");
        assertThat(button(page, "General consultation")).isVisible();
        assertThat(limited.get()).isTrue();
    }

    /** Three times already held from this address: the fourth is refused at once, saying why and how to go on. */
    @Test
    void aBrowserHoldingTooManyTimesIsToldWhyNotThatManyAreBooking() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "11:00");
        String type = clinic.type("name", "General consultation");
        String key = widgetKey(clinic.org);
        var page = openWidget(siteOrigin(), 1280, key, "appointment-type-id", type);
        heading(page, "Choose a time for General consultation");
        for (String time : new String[] {"09:00", "09:30", "10:00"}) { // from this browser, as other tabs would
            Object status = page.evaluate(
                    "([url, key, body]) => fetch(url, {method: 'POST', headers: {Authorization: 'Bearer ' + key,"
                            + " 'Content-Type': 'application/json'}, body}).then(r => r.status)",
                    List.of(
                            base + "/v1/holds",
                            key,
                            "{\"appointment_type_id\":\"" + type + "\",\"clinician_id\":\"" + doctor
                                    + "\",\"location_id\":\"" + clinic.locationId + "\",\"start_time\":\"2027-01-12T"
                                    + time + ":00Z\"}"));
            assertThat(status).isEqualTo(201);
        }

        laterDay(page).click();
        page.locator("[data-slot]").first().click();

        assertThat(page.getByText("You are already holding other times in this browser"))
                .isVisible();
        assertThat(page.getByText("Many people are booking")).hasCount(0);
    }

    @Test
    void textAndControlsMeetWcagAaContrast() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.everyDay(clinic.clinician("Dr Ada Byron"), "09:00", "11:00");
        String type = clinic.type("name", "General consultation");
        var page = openWidget(siteOrigin(), 1280, widgetKey(clinic.org), "appointment-type-id", type);
        heading(page, "Choose a time for General consultation");
        assertThat(lowContrast(page)).isEmpty();
        page.locator("[data-slot]").first().click();
        heading(page, "Your details");
        button(page, "Confirm booking").click();
        assertThat(page.getByText("Enter your first name.")).isVisible();
        assertThat(lowContrast(page)).isEmpty();
    }

    /** Text in the widget whose contrast with its background is under 4.5:1 (WCAG 2 AA, normal text). */
    @SuppressWarnings("unchecked")
    static List<String> lowContrast(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
                  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                  const background = (e) => {
                    for (let n = e; n; n = n.parentElement || n.getRootNode().host) {
                      const c = rgb(getComputedStyle(n).backgroundColor);
                      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
                    }
                    return [255, 255, 255];
                  };
                  const root = document.querySelector('carebook-booking').shadowRoot;
                  const bad = [];
                  for (const e of root.querySelectorAll('*')) {
                    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                    if (!own || e.closest('.visually-hidden') || e.disabled) continue;
                    const [a, b] = [lum(rgb(getComputedStyle(e).color).slice(0, 3)), lum(background(e))];
                    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                    if (ratio < 4.5) bad.push(e.tagName + ' "' + e.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
                  }
                  return bad;
                }""");
    }

    /** The second day with free times: never today, so all its times are still ahead. */
    static com.microsoft.playwright.Locator laterDay(Page page) {
        return page.locator("[data-day]:not([disabled])").nth(1);
    }

    static void heading(Page page, String name) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)))
                .isVisible();
    }

    static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    static void fillDetails(Page page, String first, String last, String birth, String email, String phone) {
        page.getByLabel("First name").fill(first);
        page.getByLabel("Last name").fill(last);
        String[] date = birth.split("-");
        page.getByLabel("Day").fill(date[2]);
        page.getByLabel("Month").fill(date[1]);
        page.getByLabel("Year").fill(date[0]);
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Phone (optional)").fill(phone);
    }

    /** Tag and text of the element focused inside the widget. */
    static String focused(Page page) {
        return (String) page.evaluate("""
                () => { const e = document.querySelector('carebook-booking').shadowRoot.activeElement;
                        return e ? e.tagName + ' ' + e.textContent.trim().replace(/\\s+/g, ' ') : 'nothing'; }""");
    }

    static void press(Page page, String... keys) {
        for (String key : keys) {
            page.keyboard().press(key);
        }
    }
}
