package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console log of a server process, as an operator reads it: lines for people by default, ECS JSON when
 * asked, and in both one access line per request naming the route's template, never its path or query.
 */
@Tag("integration")
class LogFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theLogIsTextByDefaultAndJsonWhenAskedAndNoAccessLineHoldsAPathOrQuery() throws Exception {
        Path data = Path.of("target", "logs", UUID.randomUUID().toString());
        Files.createDirectories(data);
        Path text = run(new ServerProcess(data), data.resolve("text.log"));
        Path json = run(new ServerProcess(data, "carebook.log-format=json"), data.resolve("json.log"));

        List<String> textLines = Files.readAllLines(text);
        assertThat(textLines).isNotEmpty().noneMatch(line -> line.startsWith("{"));
        assertThat(textLines)
                .as("a newcomer's first start: no warning they cannot act on, no empty trace column")
                .noneMatch(line -> line.contains(" WARN ") && line.contains("SpringDoc"))
                .noneMatch(line -> line.contains("[" + " ".repeat(49) + "]") || line.contains("[-]"));
        assertThat(accessLines(textLines))
                .anySatisfy(line ->
                        assertThat(line).contains("GET /v1/patients 200 ").contains("organization org_"))
                .anySatisfy(line -> assertThat(line).contains("GET /v1/patients/{id} 200 "))
                .allSatisfy(LogFormatTest::holdsNoPatientData);

        List<String> jsonLines = Files.readAllLines(json).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(jsonLines).allMatch(line -> line.startsWith("{"));
        var access = accessLines(jsonLines);
        assertThat(access).allSatisfy(LogFormatTest::holdsNoPatientData);
        assertThat(access.stream().map(LogFormatTest::parse)).anySatisfy(line -> {
            assertThat(field(line, "http.route")).isEqualTo("/v1/patients/{id}");
            assertThat(field(line, "http.request.method")).isEqualTo("GET");
            assertThat(field(line, "http.response.status_code")).isEqualTo("200");
            assertThat(field(line, "organization_id")).startsWith("org_");
            assertThat(field(line, "request_id")).startsWith("req_");
            assertThat(field(line, "event.duration_ms")).matches("\\d+");
        });
    }

    /** Starts the server, searches a patient by name and reads their record, stops it: its console log. */
    private static Path run(ServerProcess server, Path log) throws Exception {
        try {
            server.start(log);
            var clinic = Clinic.in(
                    ApiTest.organization(new Api(server.base(), ApiTest.ADMIN_TOKEN), "Logs"), "Europe/London");
            String patient = clinic.patient("first_name", "Grace", "last_name", "Hopper");
            Clinic.expect(clinic.api.get("/v1/patients?search=Hopper&limit=5"), 200);
            Clinic.expect(clinic.api.get("/v1/patients/" + patient), 200);
        } finally {
            server.stop();
        }
        return log;
    }

    private static List<String> accessLines(List<String> lines) {
        return lines.stream().filter(line -> line.contains("carebook.access")).toList();
    }

    private static void holdsNoPatientData(String line) {
        assertThat(line).doesNotContain("Hopper").doesNotContain("search=").doesNotContain("pat_");
    }

    private static JsonNode parse(String line) {
        return JSON.readTree(line);
    }

    /** A field of an ECS line, whether written flat ({@code "http.route"}) or nested. */
    private static String field(JsonNode line, String name) {
        if (line.has(name)) {
            return line.get(name).asString();
        }
        JsonNode node = line;
        for (String part : name.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null ? null : node.asString();
    }
}
