package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;

/** The console's gate and its day view, in Chromium against the real server. */
class ConsoleTest extends ConsoleBrowserTest {

    @Test
    void anInvitedReceptionistSetsAPasswordSignsInSeesTheDayAndSignsOut() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        assertThat(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-16T10:00:00Z")
                        .status())
                .isEqualTo(201);
        String invitation = invite(clinic.org, "desk@clinic.example", "front_desk");
        String second = clinic.clinician("Dr Tomás Silva");
        clinic.everyDay(second, "08:00", "18:00");
        String other = clinic.patient("first_name", "Alan", "last_name", "Turing", "date_of_birth", "1981-06-23");
        for (var booked : java.util.List.of(
                clinic.book(practice.type(), second, other, "2027-03-16T08:30:00Z", "status", "pending"),
                clinic.book(practice.type(), practice.doctor(), other, "2027-03-16T14:00:00Z"))) {
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        }
        Clinic.expect(
                clinic.api.post(
                        "/v1/clinicians/" + second + "/time-off",
                        java.util.Map.of(
                                "start_time",
                                "2027-03-16T12:00:00Z",
                                "end_time",
                                "2027-03-16T13:30:00Z",
                                "reason",
                                "Lunch")),
                201);
        Clinic.expect(
                clinic.hold(clinic.org.publishable(), practice.type(), practice.doctor(), "2027-03-16T11:00:00Z"), 201);

        var page = newPage(1280);
        page.navigate(base + invitation);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your password is set. Sign in with it.");
        signIn(page, "desk@clinic.example", PASSWORD);

        page.navigate(base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dr Ada Byron")))
                .isVisible();
        var block = page.locator("[data-appointment]")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Grace Hopper"));
        assertThat(block).containsText("10:00–10:30 Grace Hopper");
        assertThat(block).containsText("confirmed");
        assertThat(page.locator("[data-appointment]")).hasCount(3);
        screenshot(page, "console-day-1280");
        page.setViewportSize(768, 900);
        assertThat(block).isVisible();
        screenshot(page, "console-day-768");
        page.setViewportSize(1280, 900);
        page.navigate(
                base + "/console/book?location=" + clinic.locationId + "&date=2027-03-16&type=" + practice.type());
        page.getByLabel("Find by name, phone or e-mail").fill("turing");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Find").setExact(true))
                .click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Alan Turing"))
                .check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("15:00"))
                .first()
                .check();
        screenshot(page, "console-book-1280");
        page.navigate(base + "/console/day?location=" + clinic.locationId + "&date=2027-03-16");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        page.navigate(base + "/console/day");
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
    }

    @Test
    void aBookingMadeThroughTheApiAppearsOnEveryOpenDayWithinTwoSeconds() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Ada", "last_name", "Lovelace");
        accept(invite(clinic.org, "first@clinic.example", "front_desk"));
        accept(invite(clinic.org, "second@clinic.example", "read_only"));
        String day = base + "/console/day?location=" + clinic.locationId + "&date=2027-03-17";
        var first = signedIn("first@clinic.example", day);
        var second = signedIn("second@clinic.example", day);
        listening(first);
        listening(second);

        long sent = System.nanoTime();
        assertThat(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-17T11:00:00Z")
                        .status())
                .isEqualTo(201);
        for (var page : java.util.List.of(first, second)) {
            assertThat(page.locator("[data-appointment]"))
                    .containsText("Ada Lovelace", new LocatorAssertions.ContainsTextOptions().setTimeout(2000));
        }
        long millis = (System.nanoTime() - sent) / 1_000_000;
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target", "console-live-ms.txt"),
                millis + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void aBookingMadeWhileThePageOpensItsStreamStillAppears() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Ada", "last_name", "Lovelace");
        accept(invite(clinic.org, "opening@clinic.example", "front_desk"));
        var page = newPage(1280);
        page.navigate(base + "/console/login");
        signIn(page, "opening@clinic.example", PASSWORD);
        var booked = new java.util.concurrent.atomic.AtomicInteger();
        // The page has rendered the empty day; the booking lands before its stream is let through.
        page.route("**/console/stream**", route -> {
            if (booked.get() == 0) {
                booked.set(clinic.book(practice.type(), practice.doctor(), patient, "2027-03-17T11:00:00Z")
                        .status());
            }
            route.resume();
        });
        page.navigate(base + "/console/day?location=" + clinic.locationId + "&date=2027-03-17");

        listening(page);
        assertThat(booked.get()).isEqualTo(201);
        assertThat(page.locator("[data-appointment]"))
                .containsText("Ada Lovelace", new LocatorAssertions.ContainsTextOptions().setTimeout(2000));
    }

    @Test
    void anInvitationLinkWorksOnce() {
        var org = newOrganization();
        String invitation = invite(org, "once@clinic.example", "read_only");
        var page = newPage(1280);
        page.navigate(base + invitation);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .click();
        page.navigate(base + invitation);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("This link no longer works");
    }

    @Test
    void theFrontDeskChecksInOnePatientAndCancelsAnotherThroughTheSameRulesAsTheApi() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String grace = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String alan = clinic.patient("first_name", "Alan", "last_name", "Turing", "date_of_birth", "1981-06-23");
        String arriving = clinic.book(practice.type(), practice.doctor(), grace, "2027-03-18T10:00:00Z")
                .id();
        String leaving = clinic.book(practice.type(), practice.doctor(), alan, "2027-03-18T11:00:00Z")
                .id();
        accept(invite(clinic.org, "actions@clinic.example", "front_desk"));
        var page = signedIn(
                "actions@clinic.example", base + "/console/day?location=" + clinic.locationId + "&date=2027-03-18");

        page.getByText("Actions for Grace Hopper").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in"))
                .click();
        assertThat(page.locator("[data-appointment=" + arriving + "]")).containsText("checked_in");
        page.getByText("Actions for Alan Turing").click();
        page.getByLabel("Reason").fill("Called to say he is ill");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel appointment"))
                .click();

        assertThat(page.locator("[data-appointment=" + arriving + "]")).containsText("checked_in");
        assertThat(page.locator("[data-appointment=" + leaving + "]")).hasCount(0);
        assertThat(clinic.api
                        .get("/v1/appointments/" + arriving)
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("checked_in");
        var cancelled = clinic.api.get("/v1/appointments/" + leaving).data();
        assertThat(cancelled.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancellation_reason").stringValue()).isEqualTo("Called to say he is ill");
    }

    @Test
    void aReadOnlyMemberOfStaffSeesNoActionsAndCannotPostOne() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient();
        String id = clinic.book(practice.type(), practice.doctor(), patient, "2027-03-18T10:00:00Z")
                .id();
        var browser = new ConsoleSession();
        browser.accept(base, invite(clinic.org, "looks@clinic.example", "read_only"), PASSWORD);
        browser.signIn(base, "looks@clinic.example", PASSWORD);
        String day = "/console/day?location=" + clinic.locationId + "&date=2027-03-18";
        assertThat(browser.get(base, day).body()).contains("data-appointment").doesNotContain("Check in");

        var refused = browser.postWithToken(base, day, "/console/appointments/" + id + "/check-in", "back=/console");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(clinic.api.get("/v1/appointments/" + id).data().get("status").stringValue())
                .isEqualTo("confirmed");
    }

    @Test
    void aPasswordTooShortIsSaidOnTheSamePageAndTheLinkStillWorks() {
        var org = newOrganization();
        String invitation = invite(org, "short@clinic.example", "read_only");
        var browser = new ConsoleSession();

        var tooShort = browser.accept(base, invitation, "short");

        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body()).contains("The password must be 12 to 128 characters long.");
        assertThat(ConsoleSession.location(browser.accept(base, invitation, PASSWORD)))
                .endsWith("?welcome");
    }

    @Test
    void aSignInPostedWithoutItsCsrfTokenIsRefused() {
        var org = newOrganization();
        new ConsoleSession().accept(base, ConsoleSession.invite(org, "csrf@clinic.example", "owner"), PASSWORD);
        var browser = new ConsoleSession();
        browser.get(base, "/console/login");

        var withoutToken = browser.post(base, "/console/login", "email=csrf%40clinic.example&password=x");

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(ConsoleSession.location(browser.signIn(base, "csrf@clinic.example", PASSWORD)))
                .endsWith("/console");
    }

    @Test
    void failedAttemptsMakeTheAccountWaitEvenForTheRightPassword() {
        var org = newOrganization();
        new ConsoleSession().accept(base, ConsoleSession.invite(org, "slow@clinic.example", "owner"), PASSWORD);
        var browser = new ConsoleSession();
        for (int i = 0; i < 5; i++) {
            assertThat(ConsoleSession.location(browser.signIn(base, "slow@clinic.example", "not the password at all")))
                    .endsWith("?failed");
        }

        var right = browser.signIn(base, "slow@clinic.example", PASSWORD);

        assertThat(ConsoleSession.location(right)).endsWith("?failed");
        assertThat(jdbc.sql("SELECT locked_until > now() FROM staff_users WHERE email = 'slow@clinic.example'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void keysDoNotOpenTheConsoleAndSessionsDoNotOpenTheApi() throws Exception {
        var org = newOrganization();
        new ConsoleSession().accept(base, ConsoleSession.invite(org, "apart@clinic.example", "owner"), PASSWORD);
        var withKey = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/console/day"))
                                .header("Authorization", "Bearer " + org.live().key())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(302);
        assertThat(withKey.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));

        var browser = new ConsoleSession();
        browser.signIn(base, "apart@clinic.example", PASSWORD);
        assertThat(browser.get(base, "/console/day").statusCode()).isIn(200, 404);
        assertThat(browser.get(base, "/v1/appointments").statusCode()).isEqualTo(401);
    }
}
