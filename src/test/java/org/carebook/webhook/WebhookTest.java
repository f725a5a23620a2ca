package org.carebook.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.carebook.support.Fixtures;
import org.carebook.support.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real deliveries to a real HTTP receiver; quick polling, a one-second timeout and short back-off. */
@TestPropertySource(
        properties = {
            "carebook.webhook-poll=PT0.1S",
            "carebook.webhook-timeout=PT1S",
            "carebook.webhook-first-retry=PT0.2S"
        })
class WebhookTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Receiver receiver;
    private Org org;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        org = newOrganization();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aSubscribedEventArrivesSignedAsStandardWebhooksSays() throws Exception {
        var endpoint = endpoint(org.test(), List.of("patient.created"));
        assertThat(endpoint.get("id").stringValue()).startsWith("whe_");
        String secret = endpoint.get("secret").stringValue();

        String patient = org.test()
                .post("/v1/patients", Fixtures.patient("first_name", "Ada"))
                .id();

        var request = receiver.await(1, WAIT).get(0);
        var body = JSON.readTree(request.body());
        assertThat(body.get("type").stringValue()).isEqualTo("patient.created");
        assertThat(body.get("data").get("object").get("id").stringValue()).isEqualTo(patient);
        assertThat(request.header("webhook-id")).isEqualTo(body.get("id").stringValue());
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        assertThat(request.header("webhook-signature"))
                .isEqualTo("v1," + hmac(secret, request.header("webhook-id") + "." + timestamp + "." + request.body()));
    }

    @Test
    void eventsOfOtherTypesAreNotSent() throws Exception {
        var endpoint = endpoint(org.test(), List.of("appointment.cancelled"));

        org.test().post("/v1/patients", Fixtures.patient());

        assertThat(receiver.await(1, Duration.ofSeconds(2))).isEmpty();
        assertThat(deliveries(endpoint)).isEmpty();
    }

    @Test
    void aTestEventReachesOnlyTheEndpointThatAskedForItWhateverItSubscribesTo() throws Exception {
        var asking = endpoint(org.test(), List.of("appointment.cancelled"));
        try (var other = new Receiver()) {
            var everything =
                    org.test().post("/v1/webhook-endpoints", Map.of("url", other.url(), "events", List.of("*")));
            assertThat(everything.status()).isEqualTo(201);

            var sent =
                    org.test().post("/v1/webhook-endpoints/" + asking.get("id").stringValue() + "/test", Map.of());

            assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
            assertThat(sent.data().get("event_type").stringValue()).isEqualTo("webhook.test");
            var request = receiver.await(1, WAIT).get(0);
            var body = JSON.readTree(request.body());
            assertThat(body.get("type").stringValue()).isEqualTo("webhook.test");
            assertThat(body.get("data").get("object").get("endpoint_id").stringValue())
                    .isEqualTo(asking.get("id").stringValue());
            assertThat(awaitDelivery(asking, "delivered").get("event_type").stringValue())
                    .isEqualTo("webhook.test");
            assertThat(other.await(1, Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aDisabledEndpointIsSentNoTestEvent() {
        var endpoint = endpoint(org.test(), List.of("*"));
        String path = "/v1/webhook-endpoints/" + endpoint.get("id").stringValue();
        assertThat(org.test().patch(path, Map.of("status", "disabled")).status())
                .isEqualTo(200);

        var refused = org.test().post(path + "/test", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(deliveries(endpoint)).isEmpty();
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnTheThirdAttempt() throws Exception {
        receiver.answer(500).answer(500);
        var endpoint = endpoint(org.test(), List.of("*"));

        org.test().post("/v1/patients", Fixtures.patient());

        var requests = receiver.await(3, WAIT);
        assertThat(requests).hasSize(3);
        assertThat(requests)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(requests.get(0).header("webhook-id"));
        var delivery = awaitDelivery(endpoint, "delivered");
        assertThat(delivery.get("attempts").intValue()).isEqualTo(3);
        assertThat(delivery.get("last_status_code").intValue()).isEqualTo(204);
        String metrics = anonymous().get("/actuator/prometheus").text();
        assertThat(metrics)
                .contains(
                        "carebook_webhooks_delivered_total",
                        "carebook_webhooks_failed_attempts_total",
                        "carebook_webhooks_queue_age_seconds",
                        "carebook_notifications_queue_age_seconds");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTriedAgain() throws Exception {
        receiver.answer(204, Duration.ofSeconds(3), Map.of());
        var endpoint = endpoint(org.test(), List.of("*"));

        org.test().post("/v1/patients", Fixtures.patient());

        assertThat(receiver.await(2, WAIT)).hasSize(2);
        var delivery = awaitDelivery(endpoint, "delivered");
        assertThat(delivery.get("attempts").intValue()).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        receiver.answer(503, Duration.ZERO, Map.of("Retry-After", "2"));
        var endpoint = endpoint(org.test(), List.of("*"));

        org.test().post("/v1/patients", Fixtures.patient());

        var first = receiver.await(1, WAIT);
        long start = System.nanoTime();
        assertThat(first).hasSize(1);
        assertThat(receiver.await(1, WAIT)).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1500));
        awaitDelivery(endpoint, "delivered");
    }

    @Test
    void goneDisablesTheEndpoint() throws Exception {
        receiver.answer(410);
        var endpoint = endpoint(org.test(), List.of("*"));

        org.test().post("/v1/patients", Fixtures.patient());
        receiver.await(1, WAIT);
        awaitDelivery(endpoint, "failed");
        org.test().post("/v1/patients", Fixtures.patient("first_name", "Later"));

        var now = org.test()
                .get("/v1/webhook-endpoints/" + endpoint.get("id").stringValue())
                .data();
        assertThat(now.get("status").stringValue()).isEqualTo("disabled");
        assertThat(now.get("disabled_reason").stringValue()).isEqualTo("gone");
        assertThat(receiver.await(1, Duration.ofSeconds(1))).isEmpty();
        assertThat(deliveries(endpoint)).hasSize(1);
    }

    @Test
    void anAppointmentsEventsArriveInOrderEvenWhenTheFirstIsRetried() throws Exception {
        receiver.answer(500);
        endpoint(org.test(), List.of("appointment.created", "appointment.rescheduled", "appointment.cancelled"));
        var clinic = Clinic.inTestMode(org, "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "17:00");
        String type = clinic.type();
        String id = Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-01-12T09:00:00Z"), 201)
                .id();
        Clinic.expect(org.test().patch("/v1/appointments/" + id, Map.of("start_time", "2027-01-12T10:00:00Z")), 200);
        Clinic.expect(org.test().post("/v1/appointments/" + id + "/cancel", Map.of()), 200);

        var requests = receiver.await(4, WAIT);

        assertThat(requests).hasSize(4);
        var delivered = requests.subList(1, 4).stream()
                .map(r -> JSON.readTree(r.body()))
                .toList();
        assertThat(delivered)
                .extracting(e -> e.get("type").stringValue())
                .containsExactly("appointment.created", "appointment.rescheduled", "appointment.cancelled");
        assertThat(delivered).extracting(e -> e.get("sequence").intValue()).containsExactly(1, 2, 3);
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForADay() throws Exception {
        var endpoint = endpoint(org.test(), List.of("patient.created"));
        String old = endpoint.get("secret").stringValue();
        var rotated = org.test()
                .post("/v1/webhook-endpoints/" + endpoint.get("id").stringValue() + "/rotate-secret", Map.of());
        String fresh = rotated.data().get("secret").stringValue();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(org.test()
                        .get("/v1/webhook-endpoints/" + endpoint.get("id").stringValue())
                        .data()
                        .has("secret"))
                .isFalse();

        org.test().post("/v1/patients", Fixtures.patient());

        var request = receiver.await(1, WAIT).get(0);
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        assertThat(request.header("webhook-signature").split(" "))
                .containsExactlyInAnyOrder("v1," + hmac(fresh, signed), "v1," + hmac(old, signed));
    }

    @Test
    void aDeliveryCanBeSentAgainOnRequest() throws Exception {
        var endpoint = endpoint(org.test(), List.of("*"));
        org.test().post("/v1/patients", Fixtures.patient());
        String first = receiver.await(1, WAIT).get(0).header("webhook-id");
        var delivery = awaitDelivery(endpoint, "delivered");

        var retried = org.test()
                .post(
                        "/v1/webhook-endpoints/" + endpoint.get("id").stringValue() + "/deliveries/"
                                + delivery.get("id").stringValue() + "/retry",
                        Map.of());

        assertThat(retried.status()).isEqualTo(200);
        assertThat(receiver.await(1, WAIT).get(0).header("webhook-id")).isEqualTo(first);
        assertThat(awaitDelivery(endpoint, "delivered").get("attempts").intValue())
                .isEqualTo(2);
    }

    @Test
    void endpointsNeedTheManageWebhooksScopeAndValidEventTypes() {
        var readOnly = keyWithScopes(org, "read_patients");
        assertThat(readOnly.get("/v1/webhook-endpoints").status()).isEqualTo(403);
        var bad = org.live()
                .post(
                        "/v1/webhook-endpoints",
                        Map.of("url", "https://93.184.216.34/hooks", "events", List.of("appointment.teleported")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.error().get("details").get(0).get("field").stringValue()).isEqualTo("events");
    }

    private JsonNode endpoint(Api api, List<String> events) {
        var created = api.post(
                "/v1/webhook-endpoints",
                Map.of("url", receiver.url(), "events", events, "description", "clinic system"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data();
    }

    private List<JsonNode> deliveries(JsonNode endpoint) {
        var list = new java.util.ArrayList<JsonNode>();
        org.test()
                .get("/v1/webhook-endpoints/" + endpoint.get("id").stringValue() + "/deliveries")
                .data()
                .forEach(list::add);
        return list;
    }

    private JsonNode awaitDelivery(JsonNode endpoint, String status) throws InterruptedException {
        return Eventually.first(
                () -> deliveries(endpoint),
                d -> d.get("status").stringValue().equals(status),
                WAIT,
                status + " delivery");
    }

    /** Computed here, not with the server's code: what a receiver does with its copy of the secret. */
    private static String hmac(String secret, String content) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
