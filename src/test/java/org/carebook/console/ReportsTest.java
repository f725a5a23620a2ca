package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carebook.bench.Scenarios;
import org.carebook.support.ApiTest;
import org.carebook.support.Axe;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * The reports over the benchmark harness's network (seeded by its own code, smaller), with no-shows, completed
 * visits, late cancellations and widget bookings added: utilisation, the no-show rate and bookings by source
 * agree with SQL written here from the tables, and the page shows them in Chromium at 1280 and 768 px.
 */
class ReportsTest extends ConsoleBrowserTest {

    @Test
    void reportsAgreeWithASqlOracleOnTheHarnessNetwork() throws Exception {
        var network = Scenarios.Clinic.seed(admin(), new Scenarios.Size(6, 120, 14));
        var api = as(network.key());
        var org = new ApiTest.Org(network.organizationId(), api, null, null, null, null);
        String north = network.locations().get(0);
        LocalDate from = network.firstDay();
        LocalDate to = from.plusDays(13);
        api.patch("/v1/organization", Map.of("cancel_notice_hours", 72));
        var booked = api.get("/v1/appointments?location_id=" + north + "&start_date=" + from + "&end_date=" + to
                        + "&limit=100")
                .data();
        for (int i = 0; i < booked.size(); i++) {
            String id = booked.get(i).get("id").stringValue();
            if (i % 7 == 0) {
                api.post("/v1/appointments/" + id + "/no-show", Map.of());
            } else if (i % 5 == 0) {
                api.post("/v1/appointments/" + id + "/check-in", Map.of());
                api.post("/v1/appointments/" + id + "/complete", Map.of());
            } else if (i % 11 == 0) {
                api.post("/v1/appointments/" + id + "/cancel", Map.of("reason", i % 2 == 0 ? "Unwell" : ""));
            }
        }
        bookThroughTheWidget(network, north, from);
        accept(invite(org, "reports-owner@clinic.example", "owner"));

        var session = new ConsoleSession();
        session.signIn(base, "reports-owner@clinic.example", PASSWORD);
        String query = "?location=" + north + "&from=" + from + "&to=" + to;
        var utilisation = csv(session, "/console/reports/utilisation.csv" + query);
        var sources = csv(session, "/console/reports/sources.csv" + query);
        var attendance = csv(session, "/console/reports/attendance.csv" + query);

        var oracle = utilisationOracle(network.organizationId(), north, from, to);
        assertThat(oracle).hasSize(3);
        assertThat(utilisation.subList(1, utilisation.size()))
                .extracting(row -> row.get(1) + "/" + row.get(2))
                .containsExactlyInAnyOrderElementsOf(oracle.values());
        assertThat(sources.subList(1, sources.size()))
                .extracting(row -> row.get(0) + "=" + row.get(1))
                .containsExactlyInAnyOrderElementsOf(sourcesOracle(network.organizationId(), north, from, to));
        assertThat(sources.stream().map(row -> row.get(0))).contains("api", "widget");
        double[] noShows = noShowOracle(network.organizationId(), north, from, to);
        assertThat(attendance.get(1).get(0)).isEqualTo(String.valueOf((long) noShows[1]));
        assertThat(attendance.get(1).get(1)).isEqualTo(String.valueOf((long) noShows[0]));
        assertThat(attendance.get(1).get(2)).isEqualTo(String.format(Locale.ROOT, "%.4f", noShows[0] / noShows[1]));
        assertThat(Long.parseLong(attendance.get(1).get(4))).isPositive();

        for (int width : new int[] {1280, 768}) {
            var page = signedIn("reports-owner@clinic.example", base + "/console/day?location=" + north);
            page.setViewportSize(width, 900);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports"))
                    .click();
            page.getByLabel("From").fill(from.toString());
            page.getByLabel("Until").fill(to.toString());
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Show").setExact(true))
                    .click();
            assertThat(page.getByText(String.format(Locale.ROOT, "%.1f %%", 100 * noShows[0] / noShows[1])))
                    .isVisible();
            assertThat(page.locator("section[aria-labelledby=sources-heading] tbody tr"))
                    .hasCount(sources.size() - 1);
            assertThat(Axe.violations(page, "reports at " + width)).isEmpty();
            screenshot(page, "console-reports-" + width);
        }
    }

    /** Three widget bookings (hold, then confirm with a new patient) on the period's last day. */
    private void bookThroughTheWidget(Scenarios.Clinic network, String location, LocalDate from) {
        var api = as(network.key());
        String key = api.post("/v1/api-keys", Map.of("name", "site", "type", "publishable"))
                .data()
                .get("key")
                .stringValue();
        var widget = as(key);
        var slots = widget.get("/v1/availability?appointment_type_id=" + network.thirtyMinutes() + "&location_id="
                        + location + "&start_date=" + from.plusDays(13) + "&end_date=" + from.plusDays(13))
                .data();
        for (int i = 0; i < 3; i++) {
            var slot = slots.get(i);
            var hold = widget.post(
                    "/v1/holds",
                    Map.of(
                            "appointment_type_id", network.thirtyMinutes(),
                            "clinician_id", slot.get("clinician_id").stringValue(),
                            "location_id", location,
                            "start_time", slot.get("start_time").stringValue()));
            assertThat(hold.status()).isEqualTo(201);
            var confirmed = widget.post(
                    "/v1/holds/" + hold.id() + "/confirm",
                    Map.of(
                            "patient",
                            Map.of(
                                    "first_name",
                                    "Web",
                                    "last_name",
                                    "Patient" + i,
                                    "date_of_birth",
                                    "1990-01-0" + (i + 1))));
            assertThat(confirmed.status()).isEqualTo(201);
        }
    }

    /** Offered and booked minutes per clinician, as {@code offered/booked}, from the tables alone. */
    private Map<String, String> utilisationOracle(String org, String location, LocalDate from, LocalDate to) {
        var rows = jdbc.sql("""
                        WITH days AS (SELECT d::date AS day FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') d),
                        offered AS (
                            SELECT s.clinician_id,
                                   sum(EXTRACT(EPOCH FROM ((day + CAST(h->>'end' AS time)) AT TIME ZONE s.timezone)
                                                      - ((day + CAST(h->>'start' AS time)) AT TIME ZONE s.timezone))) / 60 AS minutes
                            FROM schedules s CROSS JOIN days CROSS JOIN jsonb_array_elements(s.weekly_hours) h
                            WHERE s.organization_id = :org AND s.location_id = :location AND s.is_active
                              AND h->>'day' = lower(trim(to_char(day, 'Day')))
                            GROUP BY s.clinician_id),
                        booked AS (
                            SELECT clinician_id, sum(EXTRACT(EPOCH FROM end_time - start_time)) / 60 AS minutes
                            FROM (SELECT DISTINCT clinician_id, start_time, end_time FROM appointments
                                  WHERE organization_id = :org AND location_id = :location
                                    AND status NOT IN ('cancelled', 'declined')
                                    AND (start_time AT TIME ZONE timezone)::date BETWEEN :from AND :to) b
                            GROUP BY clinician_id)
                        SELECT o.clinician_id, o.minutes::bigint AS offered, COALESCE(b.minutes, 0)::bigint AS booked
                        FROM offered o LEFT JOIN booked b USING (clinician_id)""")
                .param("org", org)
                .param("location", location)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3)))
                .list();
        var oracle = new HashMap<String, String>();
        rows.forEach(e -> oracle.put(e.getKey(), e.getValue()));
        return oracle;
    }

    private List<String> sourcesOracle(String org, String location, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT source || '=' || count(*) FROM appointments
                        WHERE organization_id = :org AND location_id = :location AND status <> 'declined'
                          AND (start_time AT TIME ZONE timezone)::date BETWEEN :from AND :to
                        GROUP BY source""")
                .param("org", org)
                .param("location", location)
                .param("from", from)
                .param("to", to)
                .query(String.class)
                .list();
    }

    /** No-shows, and appointments that came to their time. */
    private double[] noShowOracle(String org, String location, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'no_show'),
                               count(*) FILTER (WHERE status IN ('no_show', 'checked_in', 'completed'))
                        FROM appointments
                        WHERE organization_id = :org AND location_id = :location
                          AND (start_time AT TIME ZONE timezone)::date BETWEEN :from AND :to""")
                .param("org", org)
                .param("location", location)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new double[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    private List<List<String>> csv(ConsoleSession session, String path) {
        var answer = session.get(base, path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return answer.body().lines().map(line -> List.of(line.split(",", -1))).toList();
    }
}
