package org.carebook.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.carebook.database.SharedPostgres;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database's disk fills up. Its data directory is a 160 MB tmpfs mounted in a private mount namespace
 * (unshare, which needs root, as CI has), and once the server is running a filler file takes all the space
 * left. Writes then get 503 UNAVAILABLE (PostgreSQL's "disk full", SQLState 53100) and store nothing, reads
 * go on, nothing is half-written, and writes work again once the filler is removed.
 */
@Tag("integration")
class DiskFullTest {

    @Test
    void aFullDiskAnswersWritesWith503AndLosesNothing() throws Exception {
        Path data = Path.of("target", "faults", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(data);
        int port = freePort();
        var postgres = startOnSmallDisk(data.resolve("pgdisk"), port, data.resolve("postgres.log"));
        var server = new ServerProcess(
                data.resolve("unused"), "DATABASE_URL=postgres://postgres@localhost:" + port + "/carebook");
        String jdbcUrl = "jdbc:postgresql://localhost:" + port + "/carebook";
        try {
            server.start(data.resolve("server.log"));
            var setup = Setup.clinic(new Api(server.base(), ApiTest.ADMIN_TOKEN));
            Instant start = Instant.parse("2027-03-01T09:00:00Z");
            assertThat(setup.book(start).status()).isEqualTo(201);

            inNamespace(postgres, "dd if=/dev/zero of=" + data.resolve("pgdisk/filler") + " bs=1M || true");
            var statuses = new ArrayList<Integer>();
            var refusal = bookUntilRefused(setup, start, statuses);
            var read = setup.api().get("/v1/appointments?start_date=2027-03-01&end_date=2027-03-31");
            inNamespace(postgres, "rm " + data.resolve("pgdisk/filler"));

            assertThat(statuses).as("no 500 while the disk is full").doesNotContain(500);
            assertThat(refusal.status()).isEqualTo(503);
            assertThat(refusal.error().get("code").stringValue()).isEqualTo("UNAVAILABLE");
            assertThat(read.status()).isEqualTo(200);
            assertThat(appointments(jdbcUrl))
                    .as("the first booking and those that fitted, not the refused one")
                    .isEqualTo(statuses.size());
            assertThat(setup.book(start.plusSeconds(3600L * 24 * 20)).status()).isEqualTo(201);
            assertThat(Setup.halfWritten(jdbcUrl)).isZero();
        } finally {
            server.stop();
            postgres.destroy();
            postgres.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Books successive half hours until one is refused; a few may still fit in pages that have room. */
    private static Api.Response bookUntilRefused(Setup setup, Instant from, List<Integer> statuses) {
        for (int i = 1; i <= 400; i++) {
            var response = setup.book(from.plusSeconds(1800L * i));
            statuses.add(response.status());
            if (response.status() != 201) {
                return response;
            }
        }
        throw new AssertionError("400 bookings fitted on a full disk");
    }

    /** initdb and postgres on a fresh tmpfs, as user nobody; the returned process is the postmaster itself. */
    private static Process startOnSmallDisk(Path disk, int port, Path log) throws Exception {
        Files.createDirectories(disk);
        String bin = SharedPostgres.binaries().resolve("bin").toString();
        String asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
        String script = "mount -t tmpfs -o size=160m tmpfs " + disk + " && chown 65534 " + disk
                + " && " + asNobody + bin + "/initdb -D " + disk
                + "/data -U postgres -A trust -E UTF8 --no-sync > /dev/null"
                + " && exec " + asNobody + bin + "/postgres -D " + disk + "/data -p " + port
                + " -c listen_addresses=localhost -c unix_socket_directories= -c fsync=off";
        var process = new ProcessBuilder("unshare", "-m", "sh", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        for (int attempt = 0; ; attempt++) {
            try (var db = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null)) {
                db.createStatement().execute("CREATE DATABASE carebook");
                return process;
            } catch (java.sql.SQLException e) {
                if (!process.isAlive() || attempt > 300) {
                    throw new IllegalStateException("PostgreSQL on a tmpfs did not start: " + Files.readString(log), e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static int appointments(String jdbcUrl) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl, "postgres", null);
                var result = db.createStatement().executeQuery("SELECT count(*) FROM appointments")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void inNamespace(Process postgres, String command) throws Exception {
        var run = new ProcessBuilder("nsenter", "-t", Long.toString(postgres.pid()), "-m", "sh", "-c", command)
                .redirectErrorStream(true)
                .start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
