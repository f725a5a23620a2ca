package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;

class EnvelopeTest extends ApiTest {

    @Test
    void malformedJsonIsA400() {
        var org = newOrganization();
        for (String body :
                List.of("{", "{\"name\": }", "[1,2]", "\"text\"", "{\"name\":\"a\",\"name\":\"b\"}", "{} trailing")) {
            var response = org.live().post("/v1/locations", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.reason()).as(body).isEqualTo("malformed_json");
        }
        assertThat(countLocations(org)).isZero();
    }

    @Test
    void everyBadFieldIsListedNotOnlyTheFirst() {
        var org = newOrganization();
        var response = org.live()
                .post(
                        "/v1/appointment-types",
                        Map.of(
                                "name",
                                12,
                                "duration_minutes",
                                "thirty",
                                "price",
                                -5,
                                "modes",
                                List.of("teleport"),
                                "id",
                                "type_mine",
                                "created_at",
                                "2020-01-01T00:00:00Z"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().get("code").stringValue()).isEqualTo("VALIDATION_ERROR");
        var fields = response.error().get("details").findValuesAsString("field");
        assertThat(fields).contains("name", "duration_minutes", "price", "modes", "id", "created_at");
    }

    @Test
    void unknownFieldsAreRejectedSoClientsCannotSetIdsOrOwners() {
        var org = newOrganization();
        var response = org.live().post("/v1/locations", Fixtures.location("organization_id", "org_someoneelse"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("unknown_field");
        assertThat(response.error().get("details").get(0).get("field").stringValue())
                .isEqualTo("organization_id");
        assertThat(countLocations(org)).isZero();
    }

    @Test
    void textOverItsLimitIsA422() {
        var org = newOrganization();
        var response = org.live().post("/v1/locations", Fixtures.location("name", "x".repeat(101)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().get("details").get(0).get("field").stringValue())
                .isEqualTo("name");
        assertThat(org.live()
                        .post("/v1/locations", Fixtures.location("name", "x".repeat(100)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void sqlLookingAndUnicodeStringsRoundTripVerbatim() {
        var org = newOrganization();
        for (String name : List.of(
                "Robert'); DROP TABLE locations;--",
                "Zoë Ångström-Łukasiewicz",
                "診療所 🏥 ‮rtl",
                "\\x00 %s %n ${jndi:ldap://x}",
                "<script>alert(1)</script>")) {
            var created = org.live().post("/v1/locations", Fixtures.location("name", name));
            assertThat(created.status()).as(name).isEqualTo(201);
            assertThat(org.live()
                            .get("/v1/locations/" + created.id())
                            .data()
                            .get("name")
                            .stringValue())
                    .isEqualTo(name);
        }
    }

    @Test
    void stringsPostgresCannotStoreAreA422NotA500() {
        var org = newOrganization();
        var nul = org.live().post("/v1/locations", "{\"name\":\"bad\\u0000name\",\"timezone\":\"Europe/London\"}");
        assertThat(nul.status()).isEqualTo(422);
        var surrogate =
                org.live().post("/v1/locations", "{\"name\":\"bad\\ud800name\",\"timezone\":\"Europe/London\"}");
        assertThat(surrogate.status()).isEqualTo(422);
        assertThat(countLocations(org)).isZero();
    }

    @Test
    void bodiesOver64KiBAre413WithOrWithoutContentLength() {
        var org = newOrganization();
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\",\"timezone\":\"Europe/London\"}";
        var sized = org.live().post("/v1/locations", huge);
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.error().get("code").stringValue()).isEqualTo("PAYLOAD_TOO_LARGE");

        var chunked = HttpRequest.newBuilder(URI.create(base + "/v1/locations"))
                .header("Authorization", "Bearer " + secretOf(org))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                .build();
        assertThat(Api.execute(chunked).status()).isEqualTo(413);
        assertThat(countLocations(org)).isZero();
    }

    /** The console's forms are read by Tomcat, not by the API's body reader: the same limit holds for them. */
    @Test
    void chunkedFormsOver64KiBAre413() {
        String huge = "email=" + "x".repeat(1024 * 1024) + "%40clinic.example";
        var chunked = HttpRequest.newBuilder(URI.create(base + "/console/reset"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                .build();

        assertThat(Api.execute(chunked).status()).isEqualTo(413);
    }

    @Test
    void aNonJsonBodyIs415() {
        var org = newOrganization();
        var response = org.live().with("Content-Type", "text/plain").post("/v1/locations", "name=x");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.error().get("code").stringValue()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheEnvelope() {
        var org = newOrganization();
        var missing = org.live().get("/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("code").stringValue()).isEqualTo("NOT_FOUND");
        var method = org.live().send("PUT", "/v1/locations", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.error().get("code").stringValue()).isEqualTo("METHOD_NOT_ALLOWED");
        var malformedId = org.live().get("/v1/locations/%00%27;select");
        assertThat(malformedId.status()).isIn(400, 404);
        assertThat(malformedId.error()).isNotNull();
    }

    @Test
    void theVersionHeaderIsCheckedAndAlwaysAnswered() {
        var org = newOrganization();
        var ok = org.live().with("Carebook-Version", "2026-11-01").get("/v1/locations");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Carebook-Version")).isEqualTo("2026-11-01");
        var unknown = org.live().with("Carebook-Version", "2020-01-01").get("/v1/locations");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).isEqualTo("unsupported_version");
    }

    @Test
    void listsPageWithCursorsAndRejectBadLimits() {
        var org = newOrganization();
        for (int i = 0; i < 5; i++) {
            org.live().post("/v1/clinicians", Fixtures.clinician("name", "Dr " + i));
        }
        var first = org.live().get("/v1/clinicians?limit=2");
        assertThat(first.data()).hasSize(2);
        assertThat(first.json().get("has_more").booleanValue()).isTrue();
        var names = new java.util.ArrayList<String>(first.data().findValuesAsString("name"));
        String cursor = first.json().get("next_cursor").stringValue();
        while (cursor != null) {
            var page = org.live().get("/v1/clinicians?limit=2&cursor=" + cursor);
            names.addAll(page.data().findValuesAsString("name"));
            cursor = page.json().get("next_cursor").isNull()
                    ? null
                    : page.json().get("next_cursor").stringValue();
        }
        assertThat(names).containsExactly("Dr 0", "Dr 1", "Dr 2", "Dr 3", "Dr 4");
        for (String limit : List.of("0", "101", "abc", "-1")) {
            assertThat(org.live().get("/v1/clinicians?limit=" + limit).status())
                    .as(limit)
                    .isEqualTo(422);
        }
        assertThat(org.live().get("/v1/clinicians?cursor=garbage!").status()).isEqualTo(422);
    }

    @Test
    void errorsNeverShowStackTracesSqlOrClassNames() {
        var org = newOrganization();
        var responses = List.of(
                org.live().post("/v1/locations", "{\"name\": [1, {\"a\": null}], \"timezone\": 5}"),
                org.live().get("/v1/schedules/sched_x/exceptions/2026-02-30"),
                org.live()
                        .post(
                                "/v1/clinicians/clin_nope/time-off",
                                Map.of("start_time", "2026-01-01T10:00:00", "end_time", "yesterday")),
                org.live().get("/v1/patients?dob=1990-13-01&name=x"));
        for (var response : responses) {
            assertThat(response.status()).as(response.text()).isBetween(400, 499);
            assertThat(response.text())
                    .doesNotContainIgnoringCase("exception")
                    .doesNotContain("org.carebook")
                    .doesNotContainIgnoringCase("select ")
                    .doesNotContain("at java.");
        }
    }

    private long countLocations(Org org) {
        return jdbc.sql("SELECT count(*) FROM locations WHERE organization_id = :org")
                .param("org", org.id())
                .query(Long.class)
                .single();
    }

    private String secretOf(Org org) {
        return org.live()
                .post("/v1/api-keys", Map.of("name", "raw", "type", "secret", "scopes", List.of("write_catalog")))
                .data()
                .get("key")
                .stringValue();
    }
}
