package org.carebook.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Eventually;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server is killed with SIGKILL in the middle of bookings and holds. After a restart on the same data,
 * every appointment is whole, and holds that were active at the crash block nothing once they expire.
 */
@Tag("integration")
class ServerKillTest {

    private static final Instant DAY = Instant.parse("2027-02-01T09:00:00Z");

    @Test
    void afterACrashMidBookingEveryAppointmentIsWholeAndNoHoldBlocksForever() throws Exception {
        Path data = Path.of("target", "faults", UUID.randomUUID().toString());
        Files.createDirectories(data);
        var server = new ServerProcess(
                data,
                "carebook.hold-ttl=PT2S",
                "carebook.hold-sweep=PT0S",
                "carebook.rate-limit-per-second=100000",
                "carebook.rate-limit-per-ip-per-second=100000");
        try {
            server.start(data.resolve("before-crash.log"));
            var setup = Setup.clinic(new Api(server.base(), ApiTest.ADMIN_TOKEN));
            setup.api()
                    .post(
                            "/v1/schedules",
                            Map.of(
                                    "clinician_id",
                                    setup.clinician(),
                                    "location_id",
                                    setup.location(),
                                    "weekly_hours",
                                    java.util.List.of(Map.of("day", "monday", "start", "09:00", "end", "17:00"))));
            var running = new AtomicBoolean(true);
            var next = new AtomicInteger();
            var load = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                load.submit(() -> {
                    while (running.get()) {
                        int n = next.getAndIncrement() % 16;
                        Instant start = DAY.plus(Duration.ofMinutes(30L * n));
                        try {
                            if (n % 2 == 0) {
                                setup.book(start);
                            } else {
                                setup.api()
                                        .post(
                                                "/v1/holds",
                                                Map.of(
                                                        "appointment_type_id",
                                                        setup.type(),
                                                        "clinician_id",
                                                        setup.clinician(),
                                                        "location_id",
                                                        setup.location(),
                                                        "start_time",
                                                        start.toString()));
                            }
                        } catch (IllegalStateException connectionLost) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            Eventually.until(() -> next.get() >= 40, Duration.ofSeconds(30), "40 requests under way");
            server.kill();
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            server.start(data.resolve("after-crash.log"));
            String jdbcUrl = server.embeddedJdbcUrl();
            assertThat(Setup.halfWritten(jdbcUrl)).isZero();

            // Holds made before the crash last two seconds: then every half hour is booked or offered again.
            Eventually.until(
                    () -> bookedOrOffered(setup) == 16,
                    Duration.ofSeconds(15),
                    "every half hour booked or offered again (" + bookedOrOffered(setup) + " of 16)");
        } finally {
            server.stop();
        }
    }

    private static int bookedOrOffered(Setup setup) {
        var booked = setup.api()
                .get("/v1/appointments?start_date=2027-02-01&end_date=2027-02-01&limit=100")
                .data();
        var offered = setup.api()
                .get("/v1/availability?appointment_type_id=" + setup.type()
                        + "&start_date=2027-02-01&end_date=2027-02-01")
                .data();
        return booked.size() + offered.size();
    }
}
