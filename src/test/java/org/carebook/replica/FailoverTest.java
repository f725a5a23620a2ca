package org.carebook.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.carebook.faults.Setup;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Eventually;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The primary is lost while bookings keep coming, and its synchronous standby is promoted, as a failover
 * manager does it. The server is given both hosts in one {@code DATABASE_URL} and is not restarted: it finds
 * the new primary by itself, answers 503 with {@code Retry-After} meanwhile, and every booking it
 * acknowledged is on the new primary, once. Clients retry with their {@code Idempotency-Key}, as the contract
 * asks of them.
 */
@Tag("integration")
class FailoverTest {

    private static final int CLIENTS = 4;
    private static final Instant FIRST_SLOT = Instant.parse("2027-04-05T00:00:00Z");

    @Test
    void aPromotedStandbyTakesOverWithEveryAcknowledgedBooking() throws Exception {
        Path data = Path.of("target", "replica", UUID.randomUUID().toString());
        Files.createDirectories(data);
        var pair = StreamingPair.start(new StreamingPair.Replication(Duration.ZERO, true));
        var server = Setup.server(data, pair.bothUrl());
        try {
            server.start(data.resolve("server.log"));
            var setup = Setup.clinic(new Api(server.base(), ApiTest.ADMIN_TOKEN));
            var statuses = new ConcurrentHashMap<String, AtomicInteger>();
            var acknowledged = new ConcurrentHashMap<Integer, String>();
            var unexpected = new ConcurrentLinkedQueue<String>();
            var firstAfter = new AtomicReference<Instant>();
            var phase = new AtomicReference<>("before");
            var running = new AtomicBoolean(true);
            var next = new AtomicInteger();
            var load = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                load.submit(() -> {
                    while (running.get()) {
                        int slot = next.getAndIncrement();
                        // One key per slot, sent again until the server says 201: a retry after a lost answer
                        // returns the stored one instead of booking twice.
                        var client = setup.api().with("Idempotency-Key", "failover-" + slot);
                        Instant deadline = Instant.now().plusSeconds(90);
                        while (!acknowledged.containsKey(slot) && Instant.now().isBefore(deadline)) {
                            String sentWhile = phase.get();
                            Api.Response response;
                            try {
                                response = setup.book(client, FIRST_SLOT.plus(Duration.ofMinutes(30L * slot)));
                            } catch (IllegalStateException e) {
                                unexpected.add("no answer: " + e.getMessage());
                                continue;
                            }
                            statuses.computeIfAbsent(sentWhile + " " + response.status(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (response.status() == 201) {
                                acknowledged.put(slot, response.id());
                                if (sentWhile.equals("after")) {
                                    firstAfter.compareAndSet(null, Instant.now());
                                }
                            } else if (response.status() != 503 || response.header("Retry-After") == null) {
                                unexpected.add(response.toString());
                            }
                        }
                    }
                    return null;
                });
            }
            Eventually.until(() -> count(statuses, "before 201") >= 20, Duration.ofSeconds(30), "20 bookings made");
            phase.set("down");
            pair.losePrimary();
            pair.promoteStandby();
            Instant promoted = Instant.now();
            phase.set("after");
            Eventually.until(
                    () -> count(statuses, "after 201") >= 20,
                    Duration.ofSeconds(60),
                    "20 bookings made on the promoted standby");
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            var seen = new TreeMap<String, Integer>();
            statuses.forEach((k, v) -> seen.put(k, v.get()));
            assertThat(unexpected)
                    .as("answers other than 201, or 503 with Retry-After")
                    .isEmpty();
            assertThat(seen.keySet())
                    .as("statuses by phase: %s", seen)
                    .allMatch(k -> k.endsWith(" 201") || k.endsWith(" 503"));
            assertThat(Duration.between(promoted, firstAfter.get()))
                    .as("from the promotion to the first booking on the new primary")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(acknowledged).as("every slot a client began ends booked").hasSize(next.get());
            for (String id : acknowledged.values()) {
                assertThat(setup.api().get("/v1/appointments/" + id).status()).isEqualTo(200);
            }
            String newPrimary = pair.jdbcUrl(true);
            assertThat(appointments(newPrimary, setup.clinician()))
                    .as("the appointments on the new primary: the acknowledged ones, each once")
                    .isEqualTo(new HashSet<>(acknowledged.values()));
            assertThat(Setup.halfWritten(newPrimary)).isZero();
        } finally {
            server.stop();
            pair.close();
        }
    }

    private static Set<String> appointments(String jdbcUrl, String clinician) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.prepareStatement("SELECT id FROM appointments WHERE clinician_id = ?")) {
            statement.setString(1, clinician);
            try (var result = statement.executeQuery()) {
                var ids = new ArrayList<String>();
                while (result.next()) {
                    ids.add(result.getString(1));
                }
                return new HashSet<>(ids);
            }
        }
    }

    private static int count(Map<String, AtomicInteger> statuses, String key) {
        var count = statuses.get(key);
        return count == null ? 0 : count.get();
    }
}
