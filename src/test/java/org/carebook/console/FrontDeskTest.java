package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * The front desk's day, in Chromium against the real server: a receptionist books, moves and checks in
 * while a colleague's open screen follows each change, and bookings made elsewhere reach both.
 */
class FrontDeskTest extends ConsoleBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions WITHIN_TWO_SECONDS =
            new LocatorAssertions.ContainsTextOptions().setTimeout(2000);

    @Test
    void aReceptionistBooksMovesAndChecksInWhileAColleagueSeesEachChangeWithinTwoSeconds() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        clinic.patient("first_name", "Grace", "last_name", "Hopper", "date_of_birth", "1906-12-09");
        String alan = clinic.patient("first_name", "Alan", "last_name", "Turing");
        accept(invite(clinic.org, "reception@clinic.example", "front_desk"));
        accept(invite(clinic.org, "colleague@clinic.example", "front_desk"));
        String day = base + "/console/day?location=" + clinic.locationId + "&date=2027-03-19";
        var desk = signedIn("reception@clinic.example", day);
        var colleague = signedIn("colleague@clinic.example", day);
        listening(desk);
        listening(colleague);

        desk.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Book").setExact(true))
                .click();
        desk.getByLabel("Type").selectOption(practice.type());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show free times"))
                .click();
        desk.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("10:00"))
                .check();
        desk.getByLabel("Find by name, phone or e-mail").fill("hopper");
        desk.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Find").setExact(true))
                .click();
        desk.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Grace Hopper"))
                .check();
        long booked = System.nanoTime();
        desk.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Book").setExact(true))
                .click();
        assertThat(desk.getByRole(AriaRole.STATUS).first()).hasText("Booked.");
        var grace = block(colleague, "Grace Hopper");
        assertThat(grace).containsText("10:00–10:30", WITHIN_TWO_SECONDS);
        record(booked);

        block(desk, "Grace Hopper").getByText("Actions for Grace Hopper").click();
        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Move…"))
                .click();
        desk.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Fri 19 Mar 14:00"))
                .check();
        long moved = System.nanoTime();
        desk.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Move").setExact(true))
                .click();
        assertThat(block(desk, "Grace Hopper")).containsText("14:00–14:30");
        assertThat(grace).containsText("14:00–14:30", WITHIN_TWO_SECONDS);
        record(moved);

        listening(desk); // the move reloaded the desk's page
        long sent = System.nanoTime();
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), alan, "2027-03-19T11:00:00Z"), 201);
        for (var page : List.of(desk, colleague)) {
            assertThat(block(page, "Alan Turing")).containsText("11:00–11:30", WITHIN_TWO_SECONDS);
        }
        record(sent);

        block(desk, "Grace Hopper").getByText("Actions for Grace Hopper").click();
        long checkedIn = System.nanoTime();
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in"))
                .click();
        assertThat(grace).containsText("checked_in", WITHIN_TWO_SECONDS);
        record(checkedIn);
        String staffId = staffId(clinic, "reception@clinic.example");
        var events = clinic.api.get("/v1/events?type=appointment.checked_in").data();
        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).get("actor").toString()).isEqualTo("{\"kind\":\"staff\",\"id\":\"" + staffId + "\"}");
        assertThat(jdbc.sql("SELECT DISTINCT actor_kind || ' ' || actor_key_id FROM audit_events"
                                + " WHERE organization_id = :org AND actor_kind = 'staff'")
                        .param("org", clinic.org.id())
                        .query(String.class)
                        .list())
                .contains("staff " + staffId);
    }

    @Test
    void anAppointmentDraggedToAnotherTimeMovesThere() {
        var desk = atTheDesk("Mary", "Somerville", "2027-03-22T09:00:00Z", "drag@clinic.example");
        var clinic = desk.clinic();
        String id = desk.appointment();
        var page = desk.day();
        var grid = page.locator(".grid");
        var column = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dr Ada Byron"))
                .boundingBox();
        var threePm = page.locator(".hour")
                .filter(new Locator.FilterOptions().setHasText("15:00"))
                .boundingBox();
        var box = grid.boundingBox();

        block(page, "Mary Somerville")
                .dragTo(
                        grid,
                        new Locator.DragToOptions()
                                .setSourcePosition(4, 4)
                                .setTargetPosition(column.x + column.width / 2 - box.x, threePm.y + 2 - box.y));

        assertThat(block(page, "Mary Somerville")).containsText("15:00–15:30");
        assertThat(clinic.api
                        .get("/v1/appointments/" + id)
                        .data()
                        .get("start_time")
                        .stringValue())
                .isEqualTo("2027-03-22T15:00:00Z");
    }

    /**
     * What a drop carries can come from another page or program; the console posts, with its CSRF token, only for
     * a block dragged in the page itself, and only to move it.
     */
    @Test
    void aDropFromOutsideThePageCannotMakeTheConsolePostAnything() {
        var desk = atTheDesk("Emmy", "Noether", "2027-03-23T09:00:00Z", "drop@clinic.example");
        var clinic = desk.clinic();
        String id = desk.appointment();
        var page = desk.day();
        var posts = new java.util.concurrent.atomic.AtomicInteger();
        page.onRequest(request -> {
            if (request.method().equals("POST")) {
                posts.incrementAndGet();
            }
        });

        // The drop, then a request of our own: a post the drop made would have been sent before it.
        String marker = "/console/day/grid?location=" + clinic.locationId + "&date=2027-03-23";
        page.waitForResponse(
                response -> response.url().endsWith(marker),
                () -> page.evaluate(
                        "([url, marker]) => { const grid = document.querySelector('.grid');"
                                + " const box = grid.getBoundingClientRect();"
                                + " const data = new DataTransfer(); data.setData('text/plain', url);"
                                + " grid.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true,"
                                + " dataTransfer: data, clientX: box.left + box.width / 2, clientY: box.top + 200}));"
                                + " return fetch(marker).then(r => r.status); }",
                        java.util.List.of("/console/appointments/" + id + "/cancel", marker)));

        assertThat(posts.get()).isZero();
        assertThat(clinic.api.get("/v1/appointments/" + id).data().get("status").stringValue())
                .isEqualTo("confirmed");
    }

    /** A page's way back is a console path: a crafted one is neither a script, a link elsewhere nor an error. */
    @Test
    void aCraftedWayBackBecomesTheConsolesHome() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String id = Clinic.expect(
                        clinic.book(practice.type(), practice.doctor(), clinic.patient(), "2027-03-24T09:00:00Z"), 201)
                .id();
        accept(invite(clinic.org, "back@clinic.example", "front_desk"));
        var session = new ConsoleSession();
        session.signIn(base, "back@clinic.example", PASSWORD);

        for (String back : java.util.List.of("javascript:alert(document.cookie)", "//evil.example/console/day")) {
            for (String page :
                    java.util.List.of("/console/appointments/" + id, "/console/appointments/" + id + "/move")) {
                var answer = session.get(
                        base,
                        page + "?back=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(page + " " + back).isEqualTo(200);
                assertThat(answer.body()).doesNotContain("javascript:", "evil.example");
            }
        }
    }

    @Test
    void theFrontDeskEditsNotesPaymentModeAndInsurance() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Lise", "last_name", "Meitner");
        String id = Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-25T09:00:00Z"), 201)
                .id();
        accept(invite(clinic.org, "details@clinic.example", "front_desk"));
        var page = signedIn(
                "details@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-25");

        page.getByText("Actions for Lise Meitner").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Details…"))
                .click();
        page.getByLabel("Notes").fill("Bring last year's scans");
        page.getByLabel("Payment mode").fill("self-pay");
        page.getByLabel("Insurance payer").fill("Bupa");
        page.getByLabel("Member id").fill("M-1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details"))
                .click();

        assertThat(page.locator("[data-appointment=" + id + "]")).isVisible();
        var saved = clinic.api.get("/v1/appointments/" + id).data();
        assertThat(saved.get("notes").stringValue()).isEqualTo("Bring last year's scans");
        assertThat(saved.get("payment_mode").stringValue()).isEqualTo("self-pay");
        assertThat(saved.get("insurance").get("payer").stringValue()).isEqualTo("Bupa");
        assertThat(saved.get("insurance").get("member_id").stringValue()).isEqualTo("M-1234");
    }

    @Test
    void busyTimeFromALinkedCalendarIsShadedAsExternalOnTheDayAndTheWeek() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        byte[] file = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:teaching\r\n"
                        + "DTSTAMP:20260101T000000Z\r\nDTSTART:20270326T150000Z\r\nDTEND:20270326T160000Z\r\n"
                        + "SUMMARY:Teaching\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/busy.ics", exchange -> {
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file);
            exchange.close();
        });
        server.start();
        try {
            var link = Clinic.expect(
                    clinic.api.post(
                            "/v1/calendar-links",
                            java.util.Map.of(
                                    "clinician_id",
                                    practice.doctor(),
                                    "kind",
                                    "ics",
                                    "url",
                                    "http://127.0.0.1:" + server.getAddress().getPort() + "/busy.ics")),
                    201);
            var synced = clinic.api.post("/v1/calendar-links/" + link.id() + "/sync", java.util.Map.of());
            assertThat(synced.data().get("sync_status").stringValue()).isEqualTo("synced");
        } finally {
            server.stop(0);
        }
        accept(invite(clinic.org, "external@clinic.example", "front_desk"));
        var page = signedIn(
                "external@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-26");

        assertThat(page.locator(".shade-external")).hasText("Busy (external) 15:00–16:00");
        assertThat(page.locator("body")).not().containsText("Teaching");
        screenshot(page, "console-external-busy-1280");
        page.setViewportSize(768, 900);
        assertThat(page.locator(".shade-external")).isVisible();
        screenshot(page, "console-external-busy-768");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Dr Ada Byron").setExact(true))
                .click();
        assertThat(page.locator(".shade-external")).hasText("Busy (external) 15:00–16:00");
    }

    @Test
    void theDayShadesClosedHoursAndTimeOffShowsHoldsAsTentativeAndOpensAClinicianWeek() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        Clinic.expect(
                clinic.hold(clinic.org.publishable(), practice.type(), practice.doctor(), "2027-03-26T10:00:00Z"), 201);
        accept(invite(clinic.org, "hours@clinic.example", "front_desk"));
        var page = signedIn(
                "hours@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-26");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Time off…"))
                .click();
        page.getByLabel("Clinician").selectOption(practice.doctor());
        page.getByLabel("From").fill("2027-03-26T13:00");
        page.getByLabel("Until").fill("2027-03-26T14:00");
        page.getByLabel("Reason").fill("Dentist");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add time off"))
                .click();

        assertThat(page.locator(".shade-off")).hasText("Time off 13:00–14:00");
        assertThat(page.locator(".shade-held")).hasText("Held for booking 10:00–10:30");
        assertThat(page.locator(".shade-closed")).hasCount(2); // 07:00–09:00 and 17:00–20:00
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Dr Ada Byron").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Dr Ada Byron's week");
        assertThat(page.locator(".head")).hasCount(7);
        assertThat(page.locator(".head").first()).hasText("Mon 22 Mar");
        assertThat(page.locator(".shade-closed")).hasCount(14);
        assertThat(page.locator(".shade-off")).hasText("Time off 13:00–14:00");
        var off = clinic.api
                .get("/v1/clinicians/" + practice.doctor() + "/time-off")
                .data();
        assertThat(off.get(0).get("reason").stringValue()).isEqualTo("Dentist");
    }

    @Test
    void datesAndTimesAreWrittenInTheBrowsersLanguageInTheLocationsClock() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Marie", "last_name", "Curie");
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-29T13:30:00Z"), 201);
        accept(invite(clinic.org, "locale@clinic.example", "front_desk"));
        String day = base + "/console/day?location=" + clinic.locationId + "&date=2027-03-29";

        var german = newPage(1280, "de-DE");
        german.navigate(base + "/console/login");
        signIn(german, "locale@clinic.example", PASSWORD);
        german.navigate(day);
        var american = newPage(1280, "en-US");
        american.navigate(base + "/console/login");
        signIn(american, "locale@clinic.example", PASSWORD);
        american.navigate(day);

        // London is on summer time from 28 March 2027: 13:30 UTC is 14:30 there, in either language.
        assertThat(german.locator("h1 time")).hasText("Montag, 29. März 2027");
        assertThat(block(german, "Marie Curie").locator(".when")).hasText("14:30–15:00");
        assertThat(american.locator("h1 time")).hasText("Monday, March 29, 2027");
        assertThat(block(american, "Marie Curie").locator(".when")).hasText("2:30 PM–3:00 PM");
    }

    @Test
    void theDaySwitchesToAColumnPerRoom() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        clinic.room("Room 1");
        String second = clinic.room("Room 2");
        String patient = clinic.patient("first_name", "Rosalind", "last_name", "Franklin");
        Clinic.expect(
                clinic.book(practice.type(), practice.doctor(), patient, "2027-03-31T09:00:00Z", "room_id", second),
                201);
        accept(invite(clinic.org, "rooms@clinic.example", "front_desk"));
        var page = signedIn(
                "rooms@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-31");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("By room"))
                .click();

        assertThat(page.locator(".head")).hasText(new String[] {"Room 1", "Room 2"});
        assertThat(block(page, "Rosalind Franklin")).hasClass(Pattern.compile(".*\\bc-2\\b.*"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next day"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*by=rooms.*"));
        assertThat(page.locator(".head")).hasText(new String[] {"Room 1", "Room 2"});
    }

    @Test
    void aTimeTakenWhileTheReceptionistTypesIsSaidInPlaceAndNothingIsHalfMade() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String other = clinic.patient();
        accept(invite(clinic.org, "race@clinic.example", "front_desk"));
        var page = signedIn(
                "race@clinic.example",
                base + "/console/book?location=" + clinic.locationId + "&date=2027-03-23&type=" + practice.type());
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("10:00"))
                .check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("A new patient"))
                .check();
        page.getByLabel("First name").fill("Emmy");
        page.getByLabel("Last name").fill("Noether");
        page.getByLabel("Date of birth").fill("1982-03-23");

        Clinic.expect(clinic.book(practice.type(), practice.doctor(), other, "2027-03-23T10:00:00Z"), 201);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Book").setExact(true))
                .click();

        assertThat(page.getByText("That time was just taken. Please choose another."))
                .isVisible();
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("10:00")))
                .hasCount(0);
        assertThat(page.getByLabel("First name")).hasValue("Emmy");
        var search = clinic.api.get("/v1/patients?name=Emmy%20Noether&dob=1982-03-23");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.data().size()).isZero();
        assertThat(clinic.api
                        .get("/v1/appointments?start_date=2027-03-23&end_date=2027-03-23")
                        .data()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aClinicianSeesTheirOwnPatientsAndOtherCalendarsOnlyAsBusyTime() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String silva = clinic.clinician("Dr Tomás Silva");
        clinic.everyDay(silva, "08:00", "18:00");
        String mine = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String theirs = clinic.patient("first_name", "Alan", "last_name", "Turing");
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), mine, "2027-03-24T10:00:00Z"), 201);
        Clinic.expect(clinic.book(practice.type(), silva, theirs, "2027-03-24T10:00:00Z"), 201);
        accept(ConsoleSession.inviteClinician(clinic.org, "ada@clinic.example", "Ada Byron", practice.doctor()));
        var page = signedIn(
                "ada@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-24");

        assertThat(block(page, "Grace Hopper")).isVisible();
        assertThat(page.locator(".status-busy")).hasText("10:00–10:30 Busy");
        assertThat(page.locator(".grid")).not().containsText("Turing");
        block(page, "Grace Hopper")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Grace Hopper"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Grace Hopper");
        assertThat(page.locator("main")).containsText("Wed 24 Mar 2027 10:00");
        assertThat(page.locator("main")).containsText("Ada Byron"); // who opened the record
        var refused = page.navigate(base + "/console/patients/" + theirs);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Not allowed");
        assertThat(page.locator("main")).not().containsText("Turing");
        var audited = jdbc.sql("SELECT count(*) FROM audit_events WHERE resource_id = :id AND action = 'read'")
                .param("id", theirs)
                .query(Integer.class)
                .single();
        assertThat(audited).isZero();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Ada", "last_name", "Yonath");
        String id = Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, "2027-04-01T09:00:00Z"), 201)
                .id();
        accept(invite(clinic.org, "forged@clinic.example", "front_desk"));
        var page = signedIn(
                "forged@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-04-01");

        page.getByText("Actions for Ada Yonath").click();
        page.evaluate("() => document.querySelectorAll('input[name=_csrf]').forEach(i => i.remove())");
        var response = page.waitForResponse(
                r -> r.url().endsWith("/check-in"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in"))
                        .click());

        assertThat(response.status()).isEqualTo(403);
        assertThat(clinic.api.get("/v1/appointments/" + id).data().get("status").stringValue())
                .isEqualTo("confirmed");
    }

    private static String staffId(Clinic clinic, String email) {
        for (var member : clinic.api.get("/v1/staff").data()) {
            if (member.get("email").stringValue().equals(email)) {
                return member.get("id").stringValue();
            }
        }
        throw new AssertionError("no member of staff " + email);
    }

    private static Locator block(Page page, String patient) {
        return page.locator("[data-appointment]").filter(new Locator.FilterOptions().setHasText(patient));
    }

    /** The time from a change to its appearance on the other screen, for docs/benchmarks.md. */
    /** A receptionist's day at 1280 × 1400 px with one appointment booked on it at {@code start}. */
    private Desk atTheDesk(String firstName, String lastName, String start, String email) {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", firstName, "last_name", lastName);
        String id = Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, start), 201)
                .id();
        accept(invite(clinic.org, email, "front_desk"));
        var page = signedIn(
                email, base + "/console/day?location=" + clinic.locationId + "&date=" + start.substring(0, 10));
        page.setViewportSize(1280, 1400);
        return new Desk(clinic, id, page);
    }

    private record Desk(Clinic clinic, String appointment, Page day) {}

    private static void record(long since) throws java.io.IOException {
        long millis = (System.nanoTime() - since) / 1_000_000;
        Files.writeString(
                Path.of("target", "console-live-ms.txt"),
                millis + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
