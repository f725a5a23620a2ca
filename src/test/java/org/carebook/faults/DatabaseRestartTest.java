package org.carebook.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.carebook.database.SharedPostgres;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Eventually;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database restarts while bookings and availability requests keep coming: during the outage requests
 * fail with 503 UNAVAILABLE (never a 500), the server reconnects by itself, and every booking is whole.
 */
@Tag("integration")
class DatabaseRestartTest {

    private static final int CLIENTS = 4;

    @Test
    void theServerAnswers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        Path data = Path.of("target", "faults", UUID.randomUUID().toString());
        Files.createDirectories(data);
        var postgres = SharedPostgres.start(data.resolve("postgres"));
        var server = Setup.server(data, postgres.databaseUrl());
        try {
            server.start(data.resolve("server.log"));
            var setup = Setup.clinic(new Api(server.base(), ApiTest.ADMIN_TOKEN));
            var statuses = new ConcurrentHashMap<String, AtomicInteger>();
            var created = new ConcurrentLinkedQueue<String>();
            var unexpected = new ConcurrentLinkedQueue<String>();
            var running = new AtomicBoolean(true);
            var phase = new java.util.concurrent.atomic.AtomicReference<>("before");
            var next = new AtomicInteger();
            var load = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                load.submit(() -> {
                    while (running.get()) {
                        int n = next.getAndIncrement();
                        // Each request a slot of its own: 30-minute steps from a fixed day on.
                        String sentWhile =
                                phase.get(); // a request waits for a connection up to 5 s: label it by when it was sent
                        var response =
                                setup.book(Instant.parse("2027-02-01T00:00:00Z").plus(Duration.ofMinutes(30L * n)));
                        statuses.computeIfAbsent(sentWhile + " " + response.status(), k -> new AtomicInteger())
                                .incrementAndGet();
                        if (response.status() == 201) {
                            created.add(response.id());
                        } else if (response.status() != 503
                                || !response.error().get("code").stringValue().equals("UNAVAILABLE")) {
                            unexpected.add(response.toString());
                        }
                        var read = setup.api()
                                .get("/v1/availability?appointment_type_id=" + setup.type()
                                        + "&start_date=2027-02-01&end_date=2027-02-07");
                        if (read.status() != 200 && read.status() != 503) {
                            unexpected.add(read.toString());
                        }
                    }
                    return null;
                });
            }
            Eventually.until(() -> count(statuses, "before 201") >= 20, Duration.ofSeconds(30), "20 bookings made");
            phase.set("down");
            postgres.restart(() -> sleep(7_000)); // longer than the pool's 5 s wait for a connection
            phase.set("after");
            Eventually.until(
                    () -> count(statuses, "after 201") >= 20, Duration.ofSeconds(30), "20 bookings made after");
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            var seen = new java.util.TreeMap<String, Integer>();
            statuses.forEach((k, v) -> seen.put(k, v.get()));
            assertThat(unexpected).isEmpty();
            assertThat(seen).as("statuses by phase").containsKey("down 503").containsKey("after 201");
            assertThat(seen.keySet()).allMatch(k -> k.endsWith(" 201") || k.endsWith(" 503"));
            for (String id : created) {
                assertThat(setup.api().get("/v1/appointments/" + id).status()).isEqualTo(200);
            }
            assertThat(Setup.halfWritten(postgres.jdbcUrl())).isZero();
        } finally {
            server.stop();
            postgres.close();
        }
    }

    private static int count(Map<String, AtomicInteger> statuses, String key) {
        var count = statuses.get(key);
        return count == null ? 0 : count.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
