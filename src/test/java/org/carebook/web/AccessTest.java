package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;

class AccessTest extends ApiTest {

    @Test
    void aRequestWithoutAKeyIsUnauthorised() {
        var response = anonymous().get("/v1/locations");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.reason()).isEqualTo("missing_key");
        assertThat(response.error().get("request_id").stringValue()).isEqualTo(response.header("Request-Id"));
    }

    @Test
    void garbageAuthorizationHeadersAreInvalidKeys() {
        for (String header : List.of("Bearer", "Bearer sk_live_nope", "Token abc", "Basic !!!notbase64")) {
            var request = HttpRequest.newBuilder(URI.create(base + "/v1/locations"))
                    .header("Authorization", header)
                    .GET()
                    .build();
            var response = Api.execute(request);
            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(response.error().get("code").stringValue()).isEqualTo("UNAUTHORISED");
        }
    }

    @Test
    void basicAuthWithTheKeyAsUserNameWorks() {
        var org = newOrganization();
        String key = secretKeyOf(org);
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        var response = anonymous().with("Authorization", "Basic " + basic).get("/v1/organization");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("id").stringValue()).isEqualTo(org.id());
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        var org = newOrganization();
        var created = org.live()
                .post("/v1/api-keys", Map.of("name", "temp", "type", "secret", "scopes", List.of("read_catalog")));
        assertThat(created.status()).isEqualTo(201);
        var temp = as(created.data().get("key").stringValue());
        assertThat(temp.get("/v1/locations").status()).isEqualTo(200);

        var revoked = org.live().delete("/v1/api-keys/" + created.id());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.data().get("is_active").booleanValue()).isFalse();
        assertThat(temp.get("/v1/locations").status()).isEqualTo(401);
    }

    @Test
    void keysAreListedMaskedAndStoredOnlyAsHashes() {
        var org = newOrganization();
        var listed = org.live().get("/v1/api-keys");
        assertThat(listed.status()).isEqualTo(200);
        listed.data()
                .forEach(k ->
                        assertThat(k.get("key").stringValue()).contains("****").hasSizeLessThan(20));
        String key = secretKeyOf(org);
        long plaintextCopies = jdbc.sql(
                        "SELECT count(*) FROM api_keys WHERE position(:key IN key_prefix || key_last4 || name) > 0")
                .param("key", key)
                .query(Long.class)
                .single();
        assertThat(plaintextCopies).isZero();
    }

    @Test
    void aCallWithoutItsScopeIsForbiddenAndNamesTheScope() {
        var org = newOrganization();
        var readOnly = keyWithScopes(org, "read_catalog");
        var response = readOnly.post("/v1/locations", Fixtures.location());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.reason()).isEqualTo("missing_scope");
        assertThat(response.error().get("details").get(0).get("issue").stringValue())
                .isEqualTo("write_catalog");
        assertThat(org.live().get("/v1/locations").json().get("data")).isEmpty();
    }

    @Test
    void aKeyCannotGrantScopesItDoesNotHold() {
        var org = newOrganization();
        var keyAdmin = keyWithScopes(org, "manage_api_keys", "read_catalog");
        var response = keyAdmin.post(
                "/v1/api-keys",
                Map.of("name", "wider", "type", "secret", "scopes", List.of("read_catalog", "read_patients")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().get("details").get(0).get("field").stringValue())
                .isEqualTo("scopes[1]");
    }

    @Test
    void publishableKeysHaveOnlyTheirFixedScopes() {
        var org = newOrganization();
        assertThat(org.publishable().get("/v1/appointment-types").status()).isEqualTo(200);
        assertThat(org.publishable().get("/v1/patients").status()).isEqualTo(403);
        assertThat(org.publishable().get("/v1/locations").status()).isEqualTo(403);
    }

    @Test
    void aPublishableKeyIsRefusedFromAnOriginItDoesNotAllow() {
        var org = newOrganization();
        var key = org.live()
                .post(
                        "/v1/api-keys",
                        Map.of(
                                "name",
                                "widget",
                                "type",
                                "publishable",
                                "allowed_origins",
                                List.of("https://clinic.example")));
        assertThat(key.status()).isEqualTo(201);
        var widget = as(key.data().get("key").stringValue());

        var allowed = widget.with("Origin", "https://clinic.example").get("/v1/appointment-types");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://clinic.example");

        var refused = widget.with("Origin", "https://evil.example").get("/v1/appointment-types");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("origin_not_allowed");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void corsPreflightIsAnsweredOnlyForAllowedOrigins() {
        var org = newOrganization();
        org.live()
                .post(
                        "/v1/api-keys",
                        Map.of(
                                "name",
                                "widget",
                                "type",
                                "publishable",
                                "allowed_origins",
                                List.of("https://preflight.example")));
        var allowed = anonymous()
                .with("Origin", "https://preflight.example")
                .with("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/v1/holds", null);
        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://preflight.example");

        var refused = anonymous()
                .with("Origin", "https://elsewhere.example")
                .with("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/v1/holds", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        assertThat(anonymous().get("/admin/v1/organizations").status()).isEqualTo(401);
        assertThat(as("wrong-token").get("/admin/v1/organizations").status()).isEqualTo(401);
        assertThat(admin().get("/admin/v1/organizations").status()).isEqualTo(200);
        var org = newOrganization();
        assertThat(as(secretKeyOf(org)).get("/admin/v1/organizations").status()).isEqualTo(401);
    }

    @Test
    void everyResponseCarriesRateLimitHeaders() {
        var org = newOrganization();
        var response = org.live().get("/v1/locations");
        assertThat(response.header("RateLimit-Limit")).isEqualTo("100000");
        assertThat(Long.parseLong(response.header("RateLimit-Remaining"))).isLessThan(100000);
        assertThat(response.header("RateLimit-Reset")).isNotNull();
    }

    private String secretKeyOf(Org org) {
        var created = org.live()
                .post(
                        "/v1/api-keys",
                        Map.of(
                                "name",
                                "basic",
                                "type",
                                "secret",
                                "scopes",
                                List.of("manage_organization", "manage_api_keys")));
        return created.data().get("key").stringValue();
    }
}
