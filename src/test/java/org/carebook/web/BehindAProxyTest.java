package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.carebook.kernel.Scope;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A server behind a load balancer on 127.0.0.0/8: each test's clients are told apart by the address the
 * balancer forwards, and the limits that protect public keys and credentials count per client.
 */
@TestPropertySource(
        properties = {
            "carebook.trusted-proxies=10.0.0.0/8, 127.0.0.0/8",
            "carebook.rate-limit-per-ip-per-second=5",
            "carebook.auth-failures-per-minute=5",
            "carebook.webhooks-allow-private=false"
        })
@Import(BehindAProxyTest.UnscopedController.class)
class BehindAProxyTest extends ApiTest {

    /** A handler someone forgot to give a scope: the gate must refuse it to every key. */
    @RestController
    static class UnscopedController {
        @GetMapping("/v1/forgotten-scope")
        Map<String, String> forgotten() {
            return Map.of("secret", "everything");
        }
    }

    @Test
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy() {
        var org = newOrganization();

        assertThat(ipRecordedFor(org.live().with("X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(ipRecordedFor(org.live().with("X-Forwarded-For", "198.51.100.1, 203.0.113.8, 10.1.2.3")))
                .as("a client's own claim on the left is not believed")
                .isEqualTo("203.0.113.8");
        assertThat(ipRecordedFor(org.live().with("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.2")))
                .as("the family the proxies do not write (CAREBOOK_FORWARDED_HEADERS) is ignored")
                .isEqualTo("127.0.0.1");
        assertThat(ipRecordedFor(org.live())).isEqualTo("127.0.0.1");
    }

    @Test
    void hstsIsSentWhenTheClientCameOverHttps() {
        var org = newOrganization();
        var https = org.live().with("X-Forwarded-For", "203.0.113.20").with("X-Forwarded-Proto", "https");
        var http = org.live().with("X-Forwarded-For", "203.0.113.20").with("X-Forwarded-Proto", "http");

        assertThat(https.get("/v1/organization").header("Strict-Transport-Security"))
                .contains("max-age=31536000");
        assertThat(http.get("/v1/organization").header("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void holdLimitsCountEachBrowserBehindTheProxy() {
        var org = newOrganization();
        var practice = Clinic.practice(org);
        var clinic = practice.clinic();
        String doctor = practice.doctor();
        String type = practice.type();
        var first = org.publishable().with("X-Forwarded-For", "203.0.113.30");
        var second = org.publishable().with("X-Forwarded-For", "203.0.113.31");

        for (String start : new String[] {"09:00", "10:00", "11:00"}) {
            Clinic.expect(clinic.hold(first, type, doctor, "2027-01-12T" + start + ":00Z"), 201);
        }
        var fourth = clinic.hold(first, type, doctor, "2027-01-12T12:00:00Z");
        var otherBrowser = clinic.hold(second, type, doctor, "2027-01-12T12:00:00Z");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.reason()).isEqualTo("too_many_holds");
        assertThat(otherBrowser.status()).isEqualTo(201);
    }

    /**
     * The proxy appends X-Forwarded-For; a client adds a Forwarded header of its own, different each time. Only
     * the family the proxies write counts, so the client stays one browser with three holds.
     */
    @Test
    void aForwardedHeaderTheClientWritesItselfDoesNotMakeItAnotherBrowser() {
        var org = newOrganization();
        var practice = Clinic.practice(org);
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 6; i++) {
            var forger = org.publishable()
                    .with("Forwarded", "for=198.51.100." + (i + 1))
                    .with("X-Forwarded-For", "203.0.113.35");
            statuses.add(practice.clinic()
                    .hold(forger, practice.type(), practice.doctor(), "2027-01-13T1" + i + ":00:00Z")
                    .status());
        }

        assertThat(statuses).containsExactly(201, 201, 201, 429, 429, 429);

        var guesses = new ArrayList<Integer>();
        for (int i = 0; i < 8; i++) {
            guesses.add(new Api(org.live().base(), "sk_live_guess" + i)
                    .with("Forwarded", "for=198.51.100." + (i + 1))
                    .with("X-Forwarded-For", "203.0.113.36")
                    .get("/v1/organization")
                    .status());
        }
        assertThat(guesses)
                .as("5 failed guesses a minute, however the client names itself")
                .containsExactly(401, 401, 401, 401, 401, 429, 429, 429);
    }

    @Test
    void oneAbuserOfAPublishableKeyRunsOutAloneAndTheClinicsPatientsGoOn() {
        var org = newOrganization();
        var abuser = org.publishable().with("X-Forwarded-For", "203.0.113.40");
        var patient = org.publishable().with("X-Forwarded-For", "203.0.113.41");

        var statuses = new ArrayList<Integer>();
        Api.Response refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            var response = abuser.get("/v1/appointment-types");
            statuses.add(response.status());
            refused = response.status() == 429 ? response : null;
        }

        assertThat(refused).as("refused after %s", statuses).isNotNull();
        assertThat(refused.reason()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(patient.get("/v1/appointment-types").status()).isEqualTo(200);
        assertThat(org.live()
                        .with("X-Forwarded-For", "203.0.113.40")
                        .get("/v1/appointment-types")
                        .status())
                .as("a secret key is not limited per address")
                .isEqualTo(200);
    }

    /** A test-mode key is as easy to come by as a live one: neither reaches this server's neighbours by default. */
    @Test
    void testModeWebhooksReachLoopbackOnlyWhenPrivateAddressesAreAllowed() {
        var org = newOrganization();
        for (var key : java.util.List.of(org.test(), org.live())) {
            var refused = key.post(
                    "/v1/webhook-endpoints",
                    Map.of(
                            "url",
                            "http://127.0.0.1:" + port + "/hook",
                            "events",
                            java.util.List.of("appointment.created")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        }
    }

    /** Linked calendars go out through the same guard, and a password never travels in the clear. */
    @Test
    void linkedCalendarsReachNoNeighbourAndSendNoPasswordOverPlainHttp() {
        var org = newOrganization();
        String clinician =
                org.live().post("/v1/clinicians", Fixtures.clinician()).id();
        var inward = org.live()
                .post(
                        "/v1/calendar-links",
                        Map.of("clinician_id", clinician, "kind", "ics", "url", "http://127.0.0.1:" + port + "/x.ics"));
        assertThat(inward.status()).as(inward.toString()).isEqualTo(422);
        assertThat(inward.text()).contains("special-purpose");
        var clear = org.live()
                .post(
                        "/v1/calendar-links",
                        Map.of(
                                "clinician_id", clinician,
                                "kind", "caldav",
                                "url", "http://calendar.example/dav/",
                                "username", "dr",
                                "password", "secret"));
        assertThat(clear.status()).as(clear.toString()).isEqualTo(422);
        assertThat(clear.text()).contains("must be https when a password goes with it");
    }

    /** Published files need no key, but each address gets only its share of them. */
    @Test
    void thePublicFilesAreLimitedPerAddress() {
        var practice = Clinic.practice(newOrganization());
        Clinic.expect(practice.clinic().api.put("/v1/slot-publication", Map.of()), 200);
        String file = "/fhir/r4/publish/" + practice.clinic().org.id().replace('_', '-') + "/Slot.ndjson?_since=";
        var poller = anonymous().with("X-Forwarded-For", "203.0.113.60");

        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 20 && !statuses.contains(429); i++) {
            statuses.add(
                    poller.get(file + "2026-01-01T00:00:0" + (i % 10) + "Z").status());
        }

        assertThat(statuses).as("refused within 20 requests").contains(429);
        assertThat(anonymous()
                        .with("X-Forwarded-For", "203.0.113.61")
                        .get(file + "2026-01-01T00:00:00Z")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void guessingKeysIsCutOffPerAddressBeforeAnyKeyIsLookedAt() {
        var org = newOrganization();
        var guesser = new Api(org.live().base(), "sk_live_guess").with("X-Forwarded-For", "203.0.113.50");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/v1/organization").status()).isEqualTo(401);
        }

        var cutOff = guesser.get("/v1/organization");
        var rightKeySameAddress =
                org.live().with("X-Forwarded-For", "203.0.113.50").get("/v1/organization");
        var someoneElse = org.live().with("X-Forwarded-For", "203.0.113.51").get("/v1/organization");

        assertThat(cutOff.status()).isEqualTo(429);
        assertThat(cutOff.header("Retry-After")).isNotNull();
        assertThat(rightKeySameAddress.status()).isEqualTo(429);
        assertThat(someoneElse.status()).isEqualTo(200);
    }

    @Test
    void guessingStaffPasswordsIsCutOffPerAddressWhileOthersSignIn() {
        var org = newOrganization();
        String password = "a proper password for the console";
        new ConsoleSession().accept(base, ConsoleSession.invite(org, "guessed@clinic.example", "owner"), password);
        var guesser = new ConsoleSession("10.7.7.7");
        for (int i = 0; i < 5; i++) {
            guesser.signIn(base, "nobody" + i + "@clinic.example", "wrong guess number " + i);
        }

        var cutOff = guesser.signIn(base, "guessed@clinic.example", password);
        var colleague = new ConsoleSession("10.7.7.8").signIn(base, "guessed@clinic.example", password);

        assertThat(ConsoleSession.location(cutOff)).endsWith("?failed");
        assertThat(ConsoleSession.location(colleague)).endsWith("/console");
    }

    @Test
    void theConsoleCookieIsSecureWhenATrustedProxySaysTheClientUsedHttps() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var behindTls = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/console/login"))
                .header("X-Forwarded-For", "203.0.113.70")
                .header("X-Forwarded-Proto", "https")
                .build();
        var plain = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/console/login"))
                .build();

        String secure = http.send(behindTls, java.net.http.HttpResponse.BodyHandlers.discarding())
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        String notSecure = http.send(plain, java.net.http.HttpResponse.BodyHandlers.discarding())
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();

        assertThat(secure).startsWith("carebook_console=").containsIgnoringCase("; Secure");
        assertThat(notSecure).startsWith("carebook_console=").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void guessingTheAdminTokenIsCutOffToo() {
        var guesser = new Api(admin().base(), "not-the-token").with("X-Forwarded-For", "203.0.113.60");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/admin/v1/organizations").status()).isEqualTo(401);
        }
        assertThat(guesser.get("/admin/v1/organizations").status()).isEqualTo(429);
        assertThat(admin().with("X-Forwarded-For", "203.0.113.61")
                        .get("/admin/v1/organizations")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aHandlerWithoutADeclaredScopeIsRefusedToEveryKey() {
        var org = newOrganization();
        var everyScope = keyWithScopes(
                org, java.util.Arrays.stream(Scope.values()).map(Scope::wire).toArray(String[]::new));

        var refused = everyScope.get("/v1/forgotten-scope");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).doesNotContain("everything");
        assertThat(org.publishable().get("/v1/forgotten-scope").status()).isEqualTo(403);
    }

    private String ipRecordedFor(Api api) {
        String id = api.post("/v1/patients", Fixtures.patient()).id();
        var audit = api.get("/v1/audit-events?resource_id=" + id).data();
        return audit.get(0).get("ip").stringValue();
    }
}
