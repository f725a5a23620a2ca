package org.carebook.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.carebook.support.Radicale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Busy times in, from a real CalDAV server (Radicale) and a real HTTP server serving an .ics file: an event in a
 * clinician's linked calendar takes that time away from availability, holds and bookings within one poll, and
 * deleting it gives the time back.
 */
class CalendarLinkTest extends ApiTest {

    /** Tomorrow at 10:00 UTC: inside the clinic's hours in London, summer or winter, whenever the test runs. */
    private static final Instant TEN =
            LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);

    private static final DateTimeFormatter ICAL =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static Radicale radicale;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = Radicale.start();
    }

    @AfterAll
    static void stopRadicale() {
        if (radicale != null) {
            radicale.close();
        }
    }

    @Test
    void anEventInTheLinkedCalDavCalendarTakesItsTimeWithinOnePollAndDeletingItGivesItBack() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String calendar = radicale.newCalendar();
        radicale.putEvent(
                calendar,
                "dentist",
                "SUMMARY:Own dentist appointment",
                "DTSTART:" + ICAL.format(TEN),
                "DTEND:" + ICAL.format(TEN.plus(Duration.ofHours(1))));
        assertThat(offered(practice)).contains(TEN);

        var linked = linkCalDav(practice, calendar, radicale.password());
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        assertThat(linked.data().get("has_password").booleanValue()).isTrue();
        assertThat(linked.text()).doesNotContain(radicale.password());
        String link = linked.id();

        // The poller reads a new link at once; within that one poll the hour is gone.
        Eventually.until(
                () -> synced(clinic.api, link) && !offered(practice).contains(TEN),
                Duration.ofSeconds(20),
                "the external hour taken");
        var read = clinic.api.get("/v1/calendar-links/" + link).data();
        assertThat(read.get("busy_times").intValue()).isEqualTo(1);
        assertThat(read.toString()).doesNotContain("dentist");
        assertThat(offered(practice))
                .noneMatch(start -> start.isBefore(TEN.plus(Duration.ofHours(1)))
                        && !start.isBefore(TEN.minus(Duration.ofMinutes(29))));
        var refused = clinic.hold(clinic.api, practice.type(), practice.doctor(), TEN.toString());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("slot_taken");

        radicale.deleteEvent(calendar, "dentist");
        var synced = clinic.api.post("/v1/calendar-links/" + link + "/sync", Map.of());
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.data().get("sync_status").stringValue()).isEqualTo("synced");
        assertThat(synced.data().get("busy_times").intValue()).isZero();
        assertThat(offered(practice)).contains(TEN);
        assertThat(clinic.hold(clinic.api, practice.type(), practice.doctor(), TEN.toString())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aWrongPasswordIsAFailedSyncThatSaysWhyAndTheStoredPasswordIsSealed() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String calendar = radicale.newCalendar();
        var linked = linkCalDav(practice, calendar, "not-the-password-" + System.nanoTime());
        assertThat(linked.status()).isEqualTo(201);
        var synced = clinic.api
                .post("/v1/calendar-links/" + linked.id() + "/sync", Map.of())
                .data();
        assertThat(synced.get("sync_status").stringValue()).isEqualTo("failed");
        assertThat(synced.get("problem").stringValue()).contains("refused the user name and password (401)");

        byte[] stored = jdbc.sql("SELECT sealed_secret FROM calendar_links WHERE id = :id")
                .param("id", linked.id())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("not-the-password");
    }

    @Test
    void anIcsAddressIsReadAgainOnlyWhenItsETagChangesAndUnlinkingFreesTheTime() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        var file = new AtomicReference<>(ics("lecture", TEN, TEN.plus(Duration.ofMinutes(30))));
        var conditional = new CopyOnWriteArrayList<String>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/busy.ics", exchange -> {
            String etag = "\"" + Integer.toHexString(file.get().hashCode()) + "\"";
            String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditional.add(String.valueOf(asked));
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(asked)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = file.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/calendar");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/busy.ics";
            var linked = clinic.api.post(
                    "/v1/calendar-links",
                    Map.of("clinician_id", practice.doctor(), "kind", "ics", "url", url, "poll_minutes", 60));
            assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
            assertThat(linked.data().get("url").stringValue())
                    .as("a secret .ics address is shown without its path")
                    .isEqualTo("http://127.0.0.1:" + server.getAddress().getPort() + "/…");
            String link = linked.id();
            Eventually.until(() -> synced(clinic.api, link), Duration.ofSeconds(20), "the file read");
            assertThat(offered(practice)).doesNotContain(TEN);

            var again = clinic.api
                    .post("/v1/calendar-links/" + link + "/sync", Map.of())
                    .data();
            assertThat(again.get("sync_status").stringValue()).isEqualTo("synced");
            assertThat(conditional).last().asString().startsWith("\"");
            assertThat(offered(practice)).doesNotContain(TEN);

            file.set(ics("lecture", TEN.plus(Duration.ofHours(2)), TEN.plus(Duration.ofHours(3))));
            clinic.api.post("/v1/calendar-links/" + link + "/sync", Map.of());
            assertThat(offered(practice)).contains(TEN).doesNotContain(TEN.plus(Duration.ofHours(2)));

            var unlinked = clinic.api.delete("/v1/calendar-links/" + link);
            assertThat(unlinked.status()).isEqualTo(200);
            assertThat(offered(practice)).contains(TEN, TEN.plus(Duration.ofHours(2)));
            assertThat(clinic.api.get("/v1/calendar-links/" + link).status()).isEqualTo(404);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLinkNeedsItsFieldsAndTheCatalogueScopeAndStaysInItsOrganization() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        var empty = clinic.api.post("/v1/calendar-links", Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text()).contains("clinician_id", "kind", "url");
        assertThat(clinic.api
                        .post(
                                "/v1/calendar-links",
                                Map.of(
                                        "clinician_id", practice.doctor(),
                                        "kind", "exchange",
                                        "url", "https://calendar.example/x.ics"))
                        .status())
                .isEqualTo(422);
        var passwordAlone = clinic.api.post(
                "/v1/calendar-links",
                Map.of(
                        "clinician_id", practice.doctor(),
                        "kind", "caldav",
                        "url", "https://calendar.example/dav/",
                        "password", "x"));
        assertThat(passwordAlone.status()).isEqualTo(422);
        assertThat(passwordAlone.text()).contains("username");
        assertThat(clinic.api.get("/v1/calendar-links").status()).isEqualTo(200);

        String readOnly = Clinic.expect(
                        clinic.api.post(
                                "/v1/api-keys",
                                Map.of("name", "reader", "type", "secret", "scopes", List.of("read_catalog"))),
                        201)
                .data()
                .get("key")
                .stringValue();
        var body = Map.of("clinician_id", practice.doctor(), "kind", "ics", "url", "http://127.0.0.1:9/x.ics");
        assertThat(new Api(base, readOnly).post("/v1/calendar-links", body).status())
                .isEqualTo(403);
        assertThat(newOrganization().live().post("/v1/calendar-links", body).status())
                .as("another organization's clinician")
                .isEqualTo(404);
    }

    /** Links the Radicale calendar to the practice's doctor, as its user with this password. */
    private static Api.Response linkCalDav(Clinic.Practice practice, String calendar, String password) {
        return practice.clinic()
                .api
                .post(
                        "/v1/calendar-links",
                        Map.of(
                                "clinician_id",
                                practice.doctor(),
                                "kind",
                                "caldav",
                                "url",
                                calendar,
                                "username",
                                Radicale.USER,
                                "password",
                                password));
    }

    private List<Instant> offered(Clinic.Practice practice) {
        return practice.clinic().offeredOnDayOf(practice.type(), practice.doctor(), TEN.toString());
    }

    private static boolean synced(Api api, String link) {
        var view = api.get("/v1/calendar-links/" + link).data();
        return "synced".equals(view.get("sync_status").stringValue());
    }

    private static String ics(String uid, Instant start, Instant end) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + ICAL.format(start) + "\r\nDTEND:" + ICAL.format(end)
                + "\r\nSUMMARY:Teaching\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }
}
