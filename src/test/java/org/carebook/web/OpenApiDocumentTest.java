package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI documents are exact: the client in {@code carebook-client} is generated from a copy of
 * the served API document, and each create's body schema requires what the server requires.
 */
class OpenApiDocumentTest extends ApiTest {

    static final Path CLIENT_DOCUMENT = Path.of("carebook-client", "openapi.json");
    private static final Path SERVED_COPY = Path.of("target", "openapi", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theClientIsGeneratedFromTheServedDocument() throws IOException {
        String served = pretty(anonymous().get("/v1/openapi.json").text());
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served);
        String copy = Files.exists(CLIENT_DOCUMENT) ? Files.readString(CLIENT_DOCUMENT) : "";
        assertThat(copy)
                .as(
                        "carebook-client/openapi.json differs from the served document; if the change is meant,"
                                + " run: cp %s %s",
                        SERVED_COPY, CLIENT_DOCUMENT)
                .isEqualTo(served);
    }

    @Test
    void theAdministrationHasItsOwnDocument() {
        var api = anonymous().get("/v1/openapi.json").json();
        var admin = anonymous().get("/v1/openapi.json/admin");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("paths").propertyNames())
                .contains("/admin/v1/organizations", "/admin/v1/manage-link-keys")
                .allMatch(path -> path.startsWith("/admin/v1/"));
        assertThat(api.get("paths").propertyNames()).allMatch(path -> path.startsWith("/v1/"));
        admin.json()
                .get("paths")
                .forEach(path -> path.forEach(
                        operation -> assertThat(operation.get("security").toString())
                                .isEqualTo("[{\"" + OpenApiConfiguration.ADMIN_TOKEN + "\":[]}]")));
    }

    @Test
    void theBrowsableDocsOfferTheApiFirstAndTheAdministrationSecond() {
        var config = anonymous().get("/v1/openapi.json/swagger-config").json();
        assertThat(config.get("urls").findValuesAsString("url"))
                .containsExactly("/v1/openapi.json", "/v1/openapi.json/admin");
        assertThat(anonymous().get("/docs").status()).isEqualTo(302);
    }

    @Test
    void everyOperationNamesWhoMayCallItAndEveryBodyHasAnExactSchema() {
        var document = anonymous().get("/v1/openapi.json").json();
        var schemes = document.get("components").get("securitySchemes").propertyNames();
        var problems = new ArrayList<String>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String name = op.getKey() + " " + path.getKey();
                    var security = op.getValue().get("security");
                    if (security == null || security.isEmpty()) {
                        problems.add(name + " names no security");
                    } else {
                        security.forEach(requirement -> requirement.propertyNames().stream()
                                .filter(scheme -> !schemes.contains(scheme))
                                .forEach(scheme -> problems.add(name + " names an unknown scheme " + scheme)));
                    }
                    var body = op.getValue().get("requestBody");
                    if (body != null && !body.toString().contains("#/components/schemas/")) {
                        problems.add(name + " has a body without a named schema");
                    }
                    op.getValue().path("parameters").forEach(parameter -> {
                        if ("caller".equals(parameter.get("name").asString())) {
                            problems.add(name + " asks for the server's caller");
                        }
                    });
                }));
        assertThat(problems).isEmpty();
        assertThat(document.toString()).doesNotContain("JsonNode", "big_decimal");
    }

    /**
     * Creates sent with an empty body: every field the 422 calls required is required by the schema (or by
     * its description, for a field required only without another), and every required field is refused.
     */
    @Test
    void eachCreateRequiresExactlyTheFieldsItsSchemaRequires() {
        var org = newOrganization();
        var document = anonymous().get("/v1/openapi.json").json();
        var schemas = document.get("components").get("schemas");
        var checked = new ArrayList<String>();
        Map<String, String> mismatches = new HashMap<>();
        document.get("paths").properties().forEach(path -> {
            var post = path.getValue().get("post");
            if (path.getKey().contains("{") || post == null || !post.has("requestBody") || forPatients(post)) {
                return;
            }
            var schema = schemas.get(schemaName(post.get("requestBody")));
            Set<String> documented = new TreeSet<>();
            schema.path("required").forEach(field -> documented.add(field.asString()));
            var answer = org.live().post(path.getKey(), Map.of());
            Set<String> refused = new TreeSet<>();
            Set<String> undocumented = new TreeSet<>();
            answer.error().path("details").forEach(detail -> {
                String field = detail.get("field").asString();
                refused.add(field);
                boolean conditional = schema.path("description").asString().contains(field + " is required unless");
                if (detail.get("issue").asString().equals("is required")
                        && !documented.contains(field)
                        && !conditional) {
                    undocumented.add(field);
                }
            });
            if (!undocumented.isEmpty() || !refused.containsAll(documented)) {
                mismatches.put(path.getKey(), "documented " + documented + ", server " + answer);
            }
            checked.add(path.getKey());
        });
        assertThat(mismatches).isEmpty();
        assertThat(checked).contains("/v1/holds", "/v1/appointments", "/v1/patients", "/v1/locations");
    }

    private static boolean forPatients(JsonNode operation) {
        return operation.get("security").toString().contains(OpenApiConfiguration.MANAGE_LINK);
    }

    private static String schemaName(JsonNode requestBody) {
        String ref = requestBody
                .get("content")
                .get("application/json")
                .get("schema")
                .get("$ref")
                .asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String pretty(String json) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json)) + "\n";
    }
}
