package org.carebook.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Fixtures;
import org.carebook.support.Receiver;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No event is lost when the server dies: deliveries pending (and some in flight) when the process is
 * killed with SIGKILL are all sent after it starts again on the same database.
 */
@Tag("integration")
class WebhookCrashTest {

    private static final int EVENTS = 20;

    @Test
    void deliveriesPendingWhenTheServerIsKilledAreSentAfterItRestarts() throws Exception {
        Path data = Path.of("target", "crash-data", UUID.randomUUID().toString());
        Files.createDirectories(data);
        var server = new ServerProcess(
                data,
                "carebook.webhook-poll=PT0.2S",
                "carebook.webhook-timeout=PT2S",
                "carebook.webhook-first-retry=PT0.5S",
                // the receiver is on loopback, which webhooks reach only when private addresses are allowed
                "carebook.webhooks-allow-private=true");
        try (var receiver = new Receiver()) {
            receiver.usually(503, Duration.ofMillis(300));
            server.start(data.resolve("first-run.log"));
            var api = ApiTest.organization(new Api(server.base(), ApiTest.ADMIN_TOKEN), "Crash clinic")
                    .test();
            assertThat(api.post(
                                    "/v1/webhook-endpoints",
                                    Map.of("url", receiver.url(), "events", java.util.List.of("*")))
                            .status())
                    .isEqualTo(201);
            for (int i = 0; i < EVENTS; i++) {
                assertThat(api.post("/v1/patients", Fixtures.patient("first_name", "Patient" + i))
                                .status())
                        .isEqualTo(201);
            }
            assertThat(receiver.await(5, Duration.ofSeconds(20)))
                    .as("attempts before the crash")
                    .hasSize(5);

            server.kill();
            receiver.usually(204, Duration.ZERO);
            server.start(data.resolve("second-run.log"));

            var ids = new HashSet<String>();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ids.size() < EVENTS && System.nanoTime() < end) {
                receiver.await(1, Duration.ofSeconds(1)).forEach(r -> {
                    if (r.answeredWith() == 204 && r.body().contains("\"patient.created\"")) {
                        ids.add(r.header("webhook-id"));
                    }
                });
            }
            assertThat(ids).hasSize(EVENTS);
        } finally {
            server.stop();
        }
    }
}
