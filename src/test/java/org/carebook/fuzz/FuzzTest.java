package org.carebook.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and mutated JSON at every POST, PATCH and PUT endpoint and random query strings at every GET,
 * with fixed seeds: never a 5xx, always the error envelope for a 4xx, never a stack trace or class name,
 * and a refused request changes nothing stored.
 */
class FuzzTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LEAK =
            Pattern.compile("Exception|\\bat org\\.|\\bjava\\.|SQLState|PSQL|org\\.carebook|tools\\.jackson");
    private static final Pattern REQUEST_ID = Pattern.compile("req_[A-Za-z0-9]+");
    private static final int BODIES_PER_ENDPOINT = 40;
    private static final int QUERIES_PER_ENDPOINT = 25;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Fixture fixture;
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

    /** Real objects for the path variables, so requests get past "not found" to the body. */
    private record Fixture(Org org, Map<String, String> ids) {}

    @Test
    void writesSurviveRandomAndMutatedBodies() throws Exception {
        fixture = fixture();
        var random = new Random(20261121);
        var generator = new JsonGenerator(random, fixture.ids());
        var fingerprint = new Fingerprint(jdbc, fixture.org().id());
        for (var route : routes("POST", "PATCH", "PUT")) {
            for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
                String before = fingerprint.take();
                String body = generator.body(i);
                var response = send(
                        route.method(),
                        route.path(),
                        body,
                        random.nextInt(10) == 0 ? "text/plain" : "application/json");
                check(route, body, response);
                if (response.statusCode() >= 400) {
                    assertThat(fingerprint.take())
                            .as("%s %s with %s changed stored data", route.method(), route.path(), abbreviate(body))
                            .isEqualTo(before);
                }
            }
        }
        assertReachedTheHandlers(500);
    }

    /** A fuzz run that only ever met "unauthorised" or "not found" would prove nothing. */
    private void assertReachedTheHandlers(int refusedAtLeast) {
        assertThat(statuses).doesNotContainKey(401);
        assertThat(statuses.getOrDefault(422, 0) + statuses.getOrDefault(400, 0))
                .as("%s", statuses)
                .isGreaterThanOrEqualTo(refusedAtLeast);
        assertThat(statuses.keySet().stream().anyMatch(s -> s < 300))
                .as("%s", statuses)
                .isTrue();
    }

    @Test
    void readsSurviveRandomQueryStrings() throws Exception {
        fixture = fixture();
        var random = new Random(7);
        var generator = new JsonGenerator(random, fixture.ids());
        for (var route : routes("GET")) {
            for (int i = 0; i < QUERIES_PER_ENDPOINT; i++) {
                var query = new StringBuilder();
                for (int p = random.nextInt(4); p >= 0; p--) {
                    query.append(p == 0 ? "" : "&")
                            .append(encode(generator.fieldName()))
                            .append('=')
                            .append(encode(generator.scalarText()));
                }
                var response = send("GET", route.path() + "?" + query, null, null);
                check(route, query.toString(), response);
            }
        }
        assertReachedTheHandlers(30);
    }

    private record Route(String method, String path) {}

    /** Every API route of these methods, with its path variables filled from the fixture. */
    private List<Route> routes(String... methods) {
        var routes = new ArrayList<Route>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("org.carebook.")) {
                return;
            }
            for (var method : info.getMethodsCondition().getMethods()) {
                if (!List.of(methods).contains(method.name())) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/v1/") || pattern.startsWith("/admin/v1/")) {
                        routes.add(new Route(method.name(), fill(pattern)));
                    }
                }
            }
        });
        routes.sort(java.util.Comparator.comparing(Route::path).thenComparing(Route::method));
        assertThat(routes).hasSizeGreaterThan(methods.length == 1 ? 15 : 25);
        return routes;
    }

    private String fill(String pattern) {
        String resource = pattern.split("/")[pattern.startsWith("/admin") ? 3 : 2];
        return pattern.replace("{id}", fixture.ids().getOrDefault(resource, "nothing_here"))
                .replace("{roomId}", fixture.ids().get("room"))
                .replace("{timeOffId}", fixture.ids().get("time-off"))
                .replace("{deliveryId}", "whd_nothing")
                .replace("{date}", "2027-01-12");
    }

    private void check(Route route, String sent, HttpResponse<String> response) throws Exception {
        String what = route.method() + " " + route.path() + " with " + abbreviate(sent) + " → " + response.statusCode()
                + " " + abbreviate(response.body());
        statuses.merge(response.statusCode(), 1, Integer::sum);
        assertThat(response.statusCode()).as(what).isBetween(200, 499);
        // A request id is random letters, which can spell PSQL by chance: it is ours, not an internal.
        assertThat(LEAK.matcher(REQUEST_ID.matcher(response.body()).replaceAll("req_"))
                        .find())
                .as("internals leaked: " + what)
                .isFalse();
        if (response.statusCode() >= 400 && !route.method().equals("HEAD")) {
            var error = JSON.readTree(response.body()).get("error");
            assertThat(error).as(what).isNotNull();
            assertThat(error.get("code").isString() && error.get("message").isString())
                    .as(what)
                    .isTrue();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header(
                        "Authorization",
                        "Bearer "
                                + (path.startsWith("/admin")
                                        ? ADMIN_TOKEN
                                        : fixture.org().live().key()));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Fixture fixture() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Fuzz");
        String schedule = clinic.everyDay(doctor, "09:00", "17:00");
        String type = clinic.type();
        String patient = clinic.patient();
        String appointment = Clinic.expect(clinic.book(type, doctor, patient, "2027-01-12T09:00:00Z"), 201)
                .id();
        String hold = Clinic.expect(clinic.hold(org.live(), type, doctor, "2027-01-12T10:00:00Z"), 201)
                .id();
        String room = clinic.room("Room 1");
        String timeOff = Clinic.expect(
                        org.live()
                                .post(
                                        "/v1/clinicians/" + doctor + "/time-off",
                                        Map.of(
                                                "start_time",
                                                "2027-02-01T09:00:00Z",
                                                "end_time",
                                                "2027-02-01T17:00:00Z")),
                        201)
                .id();
        String endpoint = Clinic.expect(
                        org.live()
                                .post(
                                        "/v1/webhook-endpoints",
                                        Map.of("url", "https://93.184.216.34/hooks", "events", List.of("*"))),
                        201)
                .id();
        var ids = new LinkedHashMap<String, String>();
        ids.put("locations", clinic.locationId);
        ids.put("clinicians", doctor);
        ids.put("schedules", schedule);
        ids.put("appointment-types", type);
        ids.put("patients", patient);
        ids.put("appointments", appointment);
        ids.put("holds", hold);
        ids.put("webhook-endpoints", endpoint);
        ids.put("organizations", org.id());
        ids.put("room", room);
        ids.put("time-off", timeOff);
        return new Fixture(org, ids);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
