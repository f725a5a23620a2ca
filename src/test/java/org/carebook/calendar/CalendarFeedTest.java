package org.carebook.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/**
 * Calendar subscriptions over HTTP: the file a calendar app fetches parses with ical4j, follows a move and a
 * cancellation, answers 304 to the tag it already has, names patients only when the organization allows it, and
 * stops at once when revoked.
 */
class CalendarFeedTest extends ApiTest {

    /** A day inside every feed's window, whenever the test runs: tomorrow, at 10:00 UTC. */
    private static final String TOMORROW = LocalDate.now(ZoneOffset.UTC)
            .plusDays(1)
            .atTime(10, 0)
            .toInstant(ZoneOffset.UTC)
            .toString();

    @Test
    void aClinicianFeedListsTheirBookingsAndFollowsAMoveAndACancellation() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String booked = Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, TOMORROW), 201)
                .id();

        var made = clinic.api.post("/v1/calendar-feeds", Map.of("clinician_id", practice.doctor()));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String webcal = made.data().get("url").stringValue();
        assertThat(webcal).startsWith("webcal://").endsWith(".ics");
        String path = webcal.substring(webcal.indexOf("/calendars/"));

        var first = anonymous().get(path);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("text/calendar");
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=300, private");
        var event = onlyEvent(first.text());
        assertThat(summary(event)).isEqualTo("Booked");
        assertThat(start(event)).isEqualTo(Instant.parse(TOMORROW));
        assertThat(first.text()).doesNotContain("Grace", "Hopper");

        String etag = first.header("ETag");
        assertThat(anonymous().with("If-None-Match", etag).get(path).status()).isEqualTo(304);

        String later = Instant.parse(TOMORROW).plusSeconds(3600).toString();
        Clinic.expect(clinic.api.patch("/v1/appointments/" + booked, Map.of("start_time", later)), 200);
        var moved = anonymous().with("If-None-Match", etag).get(path);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.header("ETag")).isNotEqualTo(etag);
        assertThat(start(onlyEvent(moved.text()))).isEqualTo(Instant.parse(later));

        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);
        assertThat(events(anonymous().get(path).text())).isEmpty();
    }

    @Test
    void patientsAreNamedOnlyWhenTheOrganizationAllowsItAndOnlyToKeysThatMayReadThem() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient("first_name", "Ada", "last_name", "Lovelace");
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), patient, TOMORROW), 201);
        Clinic.expect(clinic.api.patch("/v1/organization", Map.of("calendar_feed_names", true)), 200);

        String readsAppointmentsOnly = Clinic.expect(
                        clinic.api.post(
                                "/v1/api-keys",
                                Map.of("name", "calendar", "type", "secret", "scopes", List.of("read_appointments"))),
                        201)
                .data()
                .get("key")
                .stringValue();
        var refused = new Api(base, readsAppointmentsOnly)
                .post("/v1/calendar-feeds", Map.of("location_id", clinic.locationId));
        assertThat(refused.status()).isEqualTo(403);

        var made = clinic.api.post("/v1/calendar-feeds", Map.of("location_id", clinic.locationId));
        assertThat(made.status()).isEqualTo(201);
        String webcal = made.data().get("url").stringValue();
        var file = anonymous().get(webcal.substring(webcal.indexOf("/calendars/")));
        assertThat(summary(onlyEvent(file.text()))).isEqualTo("Ada Lovelace (Consultation)");
        assertThat(clinic.api
                        .get("/v1/audit-events?resource_type=patient&resource_id=" + patient)
                        .text())
                .contains(made.data().get("id").stringValue());
    }

    @Test
    void aRevokedFeedAnswersNothingAndOthersCannotBeGuessed() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        var made = clinic.api.post("/v1/calendar-feeds", Map.of("clinician_id", practice.doctor()));
        String webcal = made.data().get("url").stringValue();
        String path = webcal.substring(webcal.indexOf("/calendars/"));
        assertThat(anonymous().get(path).status()).isEqualTo(200);

        var revoked = clinic.api.delete("/v1/calendar-feeds/" + made.id());
        assertThat(revoked.data().get("is_active").booleanValue()).isFalse();
        assertThat(revoked.data().has("url")).isFalse();

        assertThat(anonymous().get(path).status()).isEqualTo(404);
        assertThat(anonymous().get("/calendars/" + "x".repeat(32) + ".ics").status())
                .isEqualTo(404);
        assertThat(clinic.api.post("/v1/calendar-feeds", Map.of()).status()).isEqualTo(422);
        assertThat(clinic.api
                        .post(
                                "/v1/calendar-feeds",
                                Map.of("clinician_id", practice.doctor(), "location_id", clinic.locationId))
                        .status())
                .isEqualTo(422);
        assertThat(newOrganization()
                        .live()
                        .post("/v1/calendar-feeds", Map.of("clinician_id", practice.doctor()))
                        .status())
                .as("another organization's clinician")
                .isEqualTo(404);
    }

    private static String summary(VEvent event) {
        return event.getProperty("SUMMARY").orElseThrow().getValue();
    }

    private static Instant start(VEvent event) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
                .parse(event.getProperty("DTSTART").orElseThrow().getValue(), Instant::from);
    }

    private static VEvent onlyEvent(String text) throws Exception {
        var events = events(text);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<VEvent> events(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        return calendar.getComponents("VEVENT").stream().map(c -> (VEvent) c).toList();
    }
}
