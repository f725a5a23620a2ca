package org.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMART Scheduling Links: what an organization publishes, read as a directory would, without a key. */
class FhirPublishTest extends ApiTest {

    FhirServer fhir;
    Clinic.Practice practice;
    String manifestPath;

    @BeforeEach
    void practice() {
        fhir = new FhirServer(base);
        practice = Clinic.practice(newOrganization());
        manifestPath = "/fhir/r4/publish/"
                + FhirSchedulingTest.fhirId(practice.clinic().org.id()) + "/$bulk-publish";
    }

    @AfterEach
    void everyResourceValidated() {
        fhir.assertEverythingValidated();
    }

    @Test
    void nothingIsPublishedUntilTheOrganizationOptsIn() {
        var before = anonymous().get(manifestPath);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.header("Content-Type")).startsWith("application/fhir+json");
        fhir.validate(before.text(), "404 manifest");

        var on = publish(Map.of("booking_page_url", "https://clinic.example/book"));
        assertThat(on.data().get("is_published").booleanValue()).isTrue();
        assertThat(URI.create(on.data().get("manifest_url").stringValue()).getPath())
                .isEqualTo(manifestPath);
        assertThat(anonymous().get(manifestPath).status()).isEqualTo(200);

        var off = practice.clinic().api.delete("/v1/slot-publication");
        assertThat(off.data().get("is_published").booleanValue()).isFalse();
        assertThat(anonymous().get(manifestPath).status()).isEqualTo(404);
        assertThat(practice.clinic()
                        .org
                        .test()
                        .put("/v1/slot-publication", Map.of())
                        .reason())
                .as("test data is never published")
                .isEqualTo("live_only");
    }

    @Test
    void theManifestListsNdjsonFilesOfValidLocationsSchedulesAndFreeAndBusySlots() {
        publish(Map.of("booking_page_url", "https://clinic.example/book"));
        Clinic.expect(
                practice.clinic()
                        .api
                        .patch("/v1/locations/" + practice.clinic().locationId, Map.of("phone", "+442079460000")),
                200);
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1) + "T10:00:00Z";
        Scheduler.bookThroughV1(practice, tomorrow);

        var manifest = anonymous().get(manifestPath);
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Cache-Control")).isEqualTo("max-age=60, public");
        assertThat(manifest.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        var json = manifest.json();
        assertThat(Instant.parse(json.get("transactionTime").stringValue())).isBeforeOrEqualTo(Instant.now());
        assertThat(URI.create(json.get("request").stringValue()).getPath()).isEqualTo(manifestPath);
        assertThat(json.get("error").isArray()).isTrue();
        assertThat(json.get("error").size()).isZero();
        var types = new ArrayList<String>();
        json.get("output").forEach(output -> types.add(output.get("type").stringValue()));
        assertThat(types).containsExactly("Location", "Schedule", "Slot");

        var slots = lines(json.get("output").get(2).get("url").stringValue());
        assertThat(slots).hasSizeGreaterThan(100);
        var parsed = slots.stream()
                .map(line -> FhirServer.CONTEXT.newJsonParser().parseResource(Slot.class, line))
                .toList();
        var busy = parsed.stream()
                .filter(s -> s.getStatus() == Slot.SlotStatus.BUSY)
                .toList();
        assertThat(busy).hasSize(1);
        assertThat(busy.get(0).getStart().toInstant()).isEqualTo(Instant.parse(tomorrow));
        var free = parsed.stream()
                .filter(s -> s.getStatus() == Slot.SlotStatus.FREE)
                .findFirst()
                .orElseThrow();
        String link =
                free.getExtensionString("http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link");
        assertThat(link)
                .startsWith("https://clinic.example/book?carebook_type=" + practice.type())
                .contains("&carebook_clinician=" + practice.doctor())
                .contains("&carebook_start=" + free.getStart().toInstant());
        assertThat(free.getExtensionString("http://fhir-registry.smarthealthit.org/StructureDefinition/booking-phone"))
                .isEqualTo("+442079460000");
        assertThat(lines(json.get("output").get(0).get("url").stringValue())).hasSize(1);
        assertThat(lines(json.get("output").get(1).get("url").stringValue())).hasSize(1);
    }

    @Test
    void anUnchangedFileIsNotSentAgainAndSinceLeavesOutWhatDidNotChange() {
        publish(Map.of());
        String file = "/fhir/r4/publish/"
                + FhirSchedulingTest.fhirId(practice.clinic().org.id()) + "/Location.ndjson";
        var first = anonymous().get(file);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("application/fhir+ndjson");
        first.text().lines().forEach(line -> fhir.validate(line, file));
        var again = anonymous().with("If-None-Match", first.header("ETag")).get(file);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.text()).isEmpty();

        assertThat(anonymous().get(file + "?_since=2000-01-01T00:00:00Z").text().lines())
                .hasSize(1);
        assertThat(anonymous()
                        .get(file + "?_since=" + Instant.now().plusSeconds(3600))
                        .text())
                .isEmpty();
        assertThat(anonymous().get(file + "?_since=yesterday").status()).isEqualTo(422);
        assertThat(anonymous().get(file.replace("Location", "Patient")).status())
                .isEqualTo(404);
    }

    /** The manifest is cached publicly: a Host header that names another server must not end up in it. */
    @Test
    void theManifestNamesThePublicAddressWhateverHostTheRequestNames() throws Exception {
        publish(Map.of("booking_page_url", "https://clinic.example/book"));

        String answer;
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + manifestPath + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 200").contains("Cache-Control: max-age=60, public");
        assertThat(answer).doesNotContain("evil.example").contains("\"http://localhost:" + port + "/fhir/r4/publish/");
        assertThat(lines(base + manifestPath.replace("$bulk-publish", "Location.ndjson")))
                .hasSize(1);
    }

    private Api.Response publish(Map<String, Object> body) {
        return Clinic.expect(practice.clinic().api.put("/v1/slot-publication", body), 200);
    }

    /** A file's lines, each validated as the resource it is. */
    private List<String> lines(String url) {
        var response = anonymous()
                .get(URI.create(url).getRawPath()
                        + (URI.create(url).getRawQuery() == null
                                ? ""
                                : "?" + URI.create(url).getRawQuery()));
        assertThat(response.status()).isEqualTo(200);
        var lines = response.text().lines().toList();
        lines.forEach(line -> fhir.validate(line, url));
        return lines;
    }
}
