package org.carebook.fhir;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMART Scheduling Links, read without a key: the {@code $bulk-publish} manifest of a publishing organization
 * and its NDJSON files. Answers carry an {@code ETag} and may be cached for {@link SlotPublishing#KEPT}.
 */
@RestController
@RequestMapping(Bundles.PATH + "/publish/{organization}")
class PublishController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/fhir+ndjson");
    private static final JsonMapper MANIFEST = JsonMapper.builder().build();
    private static final CacheControl CACHE =
            CacheControl.maxAge(SlotPublishing.KEPT).cachePublic();

    private final SlotPublishing publishing;
    private final FhirJson json;

    PublishController(SlotPublishing publishing, FhirJson json) {
        this.publishing = publishing;
        this.json = json;
    }

    /** The manifest's shape, as SMART Scheduling Links (after FHIR Bulk Data) defines it. */
    record Manifest(
            @JsonProperty("transactionTime") String transactionTime,
            @JsonProperty("request") String request,
            @JsonProperty("output") List<Output> output,
            @JsonProperty("error") List<Object> error) {}

    record Output(
            @JsonProperty("type") String type,
            @JsonProperty("url") String url) {}

    @GetMapping("/$bulk-publish")
    ResponseEntity<byte[]> manifest(
            @PathVariable String organization,
            @RequestParam(name = "_since", required = false) String since,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            HttpServletRequest request) {
        String organizationId = organizationId(organization);
        Instant after = since(since);
        String files = Bundles.base(request) + "/publish/" + organization + "/";
        String query = since == null ? "" : "?_since=" + since;
        var manifest = new Manifest(
                publishing.feed(organizationId, "Slot", after).derivedAt().toString(),
                Bundles.base(request) + "/publish/" + organization + "/$bulk-publish" + query,
                SlotPublishing.TYPES.stream()
                        .map(type -> new Output(type, files + type + ".ndjson" + query))
                        .toList(),
                List.of());
        return cached(MANIFEST.writeValueAsBytes(manifest), MediaType.APPLICATION_JSON, ifNoneMatch);
    }

    @GetMapping("/{type}.ndjson")
    ResponseEntity<byte[]> file(
            @PathVariable String organization,
            @PathVariable String type,
            @RequestParam(name = "_since", required = false) String since,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        if (!SlotPublishing.TYPES.contains(type)) {
            throw CarebookException.notFound("There is no such file here.");
        }
        var feed = publishing.feed(organizationId(organization), type, since(since));
        var lines = new StringBuilder();
        feed.resources()
                .forEach(resource -> lines.append(json.encodeLine(resource)).append('\n'));
        return cached(lines.toString().getBytes(StandardCharsets.UTF_8), NDJSON, ifNoneMatch);
    }

    private static ResponseEntity<byte[]> cached(byte[] body, MediaType type, String ifNoneMatch) {
        String etag = etag(body);
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CACHE)
                .contentType(type)
                .body(body);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String organizationId(String fhirId) {
        return FhirIds.fromFhir(fhirId, "org").orElseThrow(SlotPublishing::notPublished);
    }

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw FhirQuery.invalid("_since", "must be an instant with an offset, such as 2027-03-15T09:00:00Z");
        }
    }
}
