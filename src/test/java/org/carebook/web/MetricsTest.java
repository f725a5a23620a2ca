package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carebook.support.Clinic.expect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus scrapes from {@code /actuator/prometheus} after the things it should count. */
class MetricsTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    @Test
    void aBookingAConflictAndARefusedKeyAreCountedAndTheDashboardFindsItsSeries() throws Exception {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String start = LocalDate.now(ZoneOffset.UTC).plusDays(2) + "T10:00:00Z";
        String before = scrape();

        var hold = expect(clinic.hold(clinic.org.publishable(), practice.type(), practice.doctor(), start), 201);
        expect(
                clinic.org
                        .publishable()
                        .post(
                                "/v1/holds/" + hold.id() + "/confirm",
                                Map.of(
                                        "patient",
                                        Map.of(
                                                "first_name", "Ada",
                                                "last_name", "Lovelace",
                                                "date_of_birth", "1985-12-10",
                                                "email", "ada@example.com"))),
                201);
        var taken = clinic.hold(clinic.api, practice.type(), practice.doctor(), start);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(as("sk_live_not_a_key_at_all").get("/v1/appointment-types").status())
                .isEqualTo(401);
        String after = scrape();

        assertThat(increase(before, after, "carebook_bookings_total", "source=\"widget\""))
                .isEqualTo(1);
        assertThat(increase(before, after, "carebook_holds_total", "outcome=\"placed\""))
                .isEqualTo(1);
        assertThat(increase(before, after, "carebook_holds_total", "outcome=\"confirmed\""))
                .isEqualTo(1);
        assertThat(increase(before, after, "carebook_conflicts_total", "reason=\"" + taken.reason() + "\""))
                .isEqualTo(1);
        assertThat(increase(before, after, "carebook_auth_failures_total", "")).isEqualTo(1);
        assertThat(after)
                .contains("carebook_rate_limit_refusals_total{")
                .contains("carebook_webhooks_queue_age_seconds")
                .contains("carebook_notifications_queue_age_seconds");
        theDashboardAsksOnlyForSeriesIn(after);
    }

    /** Every Carebook series the Grafana dashboard in {@code deploy/} asks for is one the server exports. */
    private static void theDashboardAsksOnlyForSeriesIn(String scrape) throws Exception {
        String dashboard = Files.readString(Path.of("deploy", "grafana-dashboard.json"));
        var names = Pattern.compile("carebook_[a-z_]+").matcher(dashboard);
        int found = 0;
        while (names.find()) {
            found++;
            assertThat(scrape).as("the scrape exports %s", names.group()).contains(names.group());
        }
        assertThat(found).isGreaterThanOrEqualTo(8);
        assertThat(scrape).contains("http_server_requests_seconds_bucket{");
    }

    private String scrape() {
        var response = anonymous().get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /** How much a counter with these labels grew between two scrapes (0 where it did not exist yet). */
    private static long increase(String before, String after, String name, String label) {
        return Math.round(value(after, name, label) - value(before, name, label));
    }

    private static double value(String scrape, String name, String label) {
        var line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        double total = 0;
        while (line.find()) {
            if (line.group(1) == null ? label.isEmpty() : line.group(1).contains(label)) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    @Test
    void noTraceLeavesTheServerUntilACollectorIsNamed() {
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class))
                .isEmpty();
    }
}
