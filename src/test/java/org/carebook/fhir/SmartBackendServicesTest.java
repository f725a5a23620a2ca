package org.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMART Backend Services end to end: a client whose public keys are served by a real HTTP JWKS endpoint signs an
 * assertion with its private key, trades it at the token endpoint for an access token, and books through FHIR's
 * $find, $hold and $book with it; assertions signed by another key, expired, replayed or meant for another
 * audience get no token, and a token opens nothing but FHIR and dies with its client.
 */
class SmartBackendServicesTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCOPES = "system/Appointment.cruds system/Patient.cruds";

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer jwks;
    private final AtomicInteger jwksReads = new AtomicInteger();
    private RSAKey key;
    private Clinic.Practice practice;
    private String clientId;

    @BeforeEach
    void registerAClient() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("ehr-1").generate();
        String published = new JWKSet(key.toPublicJWK()).toString();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            jwksReads.incrementAndGet();
            byte[] body = published.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        practice = Clinic.practice(newOrganization());
        var registered = practice.clinic()
                .api
                .post(
                        "/v1/smart-clients",
                        Map.of(
                                "name",
                                "Regional EHR",
                                "jwks_url",
                                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                                "scopes",
                                List.of("system/Appointment.cruds", "system/Patient.cruds")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        clientId = registered.id();
    }

    @AfterEach
    void stopJwks() {
        jwks.stop(0);
    }

    @Test
    void aBackendClientSignsItsAssertionGetsATokenAndBooksThroughBook() throws Exception {
        var discovery = JSON.readTree(
                anonymous().get("/fhir/r4/.well-known/smart-configuration").text());
        String tokenEndpoint = discovery.get("token_endpoint").stringValue();
        assertThat(tokenEndpoint).isEqualTo(base + "/oauth2/token");
        assertThat(discovery.get("token_endpoint_auth_methods_supported").toString())
                .contains("private_key_jwt");

        var answer = token(
                assertion(
                        key,
                        JWSAlgorithm.RS384,
                        clientId,
                        tokenEndpoint,
                        Instant.now().plusSeconds(240)),
                SCOPES);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode token = JSON.readTree(answer.body());
        assertThat(token.get("token_type").stringValue()).isEqualTo("bearer");
        assertThat(token.get("expires_in").intValue()).isEqualTo(300);
        assertThat(token.get("scope").stringValue()).isEqualTo(SCOPES);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");

        var fhir = new FhirServer(base);
        var client = fhir.client(token.get("access_token").stringValue());
        var find = new Parameters();
        find.addParameter("start", new DateTimeType("2027-01-12T00:00:00Z"));
        find.addParameter("end", new DateTimeType("2027-01-13T00:00:00Z"));
        var proposed = only(
                client.operation()
                        .onType(Appointment.class)
                        .named("$find")
                        .withParameters(find)
                        .returnResourceType(Bundle.class)
                        .execute(),
                false);
        var hold = new Parameters();
        hold.addParameter(
                "appointment-reference",
                new Reference("Appointment/" + proposed.getIdElement().getIdPart()));
        var held = only(
                client.operation()
                        .onType(Appointment.class)
                        .named("$hold")
                        .withParameters(hold)
                        .returnResourceType(Bundle.class)
                        .execute(),
                true);
        var book = new Parameters();
        book.addParameter(
                "appointment-reference",
                new Reference("Appointment/" + held.getIdElement().getIdPart()));
        var patient = new Patient();
        patient.addName(new HumanName().setFamily("Hopper").addGiven("Grace"));
        patient.setBirthDateElement(new DateType("1990-05-17"));
        book.addParameter().setName("patient-resource").setResource(patient);
        var booked = only(
                client.operation()
                        .onType(Appointment.class)
                        .named("$book")
                        .withParameters(book)
                        .returnResourceType(Bundle.class)
                        .execute(),
                true);
        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        fhir.assertEverythingValidated();

        var v1 = practice.clinic()
                .api
                .get("/v1/appointments/" + booked.getIdElement().getIdPart().replaceFirst("-", "_"));
        assertThat(v1.data().get("source").stringValue()).isEqualTo("fhir");
        var events = practice.clinic().api.get("/v1/events?type=appointment.created");
        assertThat(events.text()).as("the client is named as who booked").contains(clientId);
    }

    @Test
    void anotherKeyAnExpiryAReplayOrAnotherAudienceGetsNoToken() throws Exception {
        String endpoint = base + "/oauth2/token";
        Instant soon = Instant.now().plusSeconds(120);
        var stranger = new RSAKeyGenerator(2048).keyID("ehr-1").generate();
        var rs384 = JWSAlgorithm.RS384;
        assertRefused(signedBy(stranger, rs384, clientId, endpoint, soon), 401, "invalid_client");
        assertRefused(signedBy(key, rs384, clientId, endpoint, Instant.now().minusSeconds(120)), 401, "expired");
        assertRefused(signedBy(key, rs384, clientId, endpoint, Instant.now().plusSeconds(3600)), 401, "five minutes");
        assertRefused(signedBy(key, rs384, clientId, "https://elsewhere.example/token", soon), 401, "aud");
        assertRefused(signedBy(key, JWSAlgorithm.RS256, clientId, endpoint, soon), 401, "RS384");
        assertRefused(signedBy(key, rs384, "smart_nobody", endpoint, soon), 401, "invalid_client");

        String once = assertion(key, JWSAlgorithm.RS384, clientId, endpoint, soon);
        assertThat(token(once, SCOPES).statusCode()).isEqualTo(200);
        assertRefused(token(once, SCOPES), 401, "used before");

        assertRefused(
                token(assertion(key, JWSAlgorithm.RS384, clientId, endpoint, soon), "system/AuditEvent.rs"),
                400,
                "invalid_scope");
        var form = form(Map.of("grant_type", "password", "scope", SCOPES));
        assertRefused(post(form), 400, "unsupported_grant_type");
        assertThat(jwksReads.get())
                .as("keys fetched over HTTP, and not at every request")
                .isBetween(1, 4);
    }

    @Test
    void aTokenOpensOnlyFhirAndDiesWithItsClient() throws Exception {
        var answer = token(
                assertion(
                        key,
                        JWSAlgorithm.RS384,
                        clientId,
                        base + "/oauth2/token",
                        Instant.now().plusSeconds(120)),
                SCOPES);
        String token = JSON.readTree(answer.body()).get("access_token").stringValue();
        var asToken = new Api(base, token);
        assertThat(asToken.get("/fhir/r4/Appointment?date=ge2027-01-01").status())
                .isEqualTo(200);
        var onV1 = asToken.get("/v1/appointments");
        assertThat(onV1.status()).isEqualTo(401);
        assertThat(onV1.reason()).isEqualTo("token_for_fhir_only");
        assertThat(asToken.get("/fhir/r4/AuditEvent").status())
                .as("a scope it was not granted")
                .isEqualTo(403);

        Clinic.expect(practice.clinic().api.delete("/v1/smart-clients/" + clientId), 200);
        assertThat(asToken.get("/fhir/r4/Appointment?date=ge2027-01-01").status())
                .isEqualTo(401);
    }

    @Test
    void anEcClientWithItsKeysGivenInlineIsServedAndNobodyRegistersMoreThanTheyHold() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        var inline = JSON.readTree(new JWKSet(ec.toPublicJWK()).toString());
        var registered = practice.clinic()
                .api
                .post(
                        "/v1/smart-clients",
                        Map.of("name", "Directory", "jwks", inline, "scopes", List.of("system/Appointment.rs")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        var answer = token(
                assertion(
                        ec,
                        JWSAlgorithm.ES384,
                        registered.id(),
                        base + "/oauth2/token",
                        Instant.now().plusSeconds(120)),
                "system/Appointment.rs");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        var withPrivate = JSON.readTree(new JWKSet(ec).toString(false));
        assertThat(practice.clinic()
                        .api
                        .post(
                                "/v1/smart-clients",
                                Map.of("name", "Oops", "jwks", withPrivate, "scopes", List.of("system/Slot.rs")))
                        .status())
                .as("a private key is refused, never stored")
                .isEqualTo(422);
        var keysOnly = keyWithScopes(practice.clinic().org, "manage_api_keys", "read_catalog");
        assertThat(keysOnly.post(
                                "/v1/smart-clients",
                                Map.of("name", "More", "jwks", inline, "scopes", List.of("system/Appointment.cruds")))
                        .status())
                .isEqualTo(403);
    }

    /** The token endpoint's answer to an assertion signed by {@code key}, asking for the usual scopes. */
    private HttpResponse<String> signedBy(
            com.nimbusds.jose.jwk.JWK key, JWSAlgorithm algorithm, String client, String audience, Instant expires)
            throws Exception {
        return token(assertion(key, algorithm, client, audience, expires), SCOPES);
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String says) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(says);
    }

    private static String assertion(
            com.nimbusds.jose.jwk.JWK key, JWSAlgorithm algorithm, String client, String audience, Instant expires)
            throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(client)
                .subject(client)
                .audience(audience)
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .keyID(key.getKeyID())
                        .type(com.nimbusds.jose.JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key));
        return jwt.serialize();
    }

    private HttpResponse<String> token(String assertion, String scope) throws Exception {
        return post(form(Map.of(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion",
                assertion,
                "scope",
                scope)));
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Appointment only(Bundle bundle, boolean single) {
        assertThat(bundle.getEntry()).isNotEmpty();
        if (single) {
            assertThat(bundle.getEntry()).hasSize(1);
        }
        return (Appointment) bundle.getEntryFirstRep().getResource();
    }
}
