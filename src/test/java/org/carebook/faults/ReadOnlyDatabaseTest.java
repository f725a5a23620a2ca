package org.carebook.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.carebook.database.SharedPostgres;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Eventually;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database stops accepting writes (made read-only, as an operator does when its disk is nearly full or
 * while failing over): writes get a clear 503 and store nothing, reads go on, and writes work again once
 * it accepts them. A full disk (SQLState 53100) is answered the same way.
 */
@Tag("integration")
class ReadOnlyDatabaseTest {

    @Test
    void writesAreRefusedWith503WhileTheDatabaseIsReadOnlyAndReadsGoOn() throws Exception {
        Path data = Path.of("target", "faults", UUID.randomUUID().toString());
        Files.createDirectories(data);
        var postgres = SharedPostgres.start(data.resolve("postgres"));
        var server = new ServerProcess(data.resolve("unused"), "DATABASE_URL=" + postgres.databaseUrl());
        try {
            server.start(data.resolve("server.log"));
            var setup = Setup.clinic(new Api(server.base(), ApiTest.ADMIN_TOKEN));
            assertThat(setup.book(Instant.parse("2027-02-01T09:00:00Z")).status())
                    .isEqualTo(201);

            readOnly(postgres, true);
            var refused = setup.book(Instant.parse("2027-02-01T10:00:00Z"));
            var read = setup.api().get("/v1/locations");
            // Reading appointments writes its audit entry: no read of patient data goes unrecorded, so it waits too.
            var audited = setup.api().get("/v1/appointments?start_date=2027-02-01&end_date=2027-02-01");
            readOnly(postgres, false);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.error().get("code").stringValue()).isEqualTo("UNAVAILABLE");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.data()).hasSize(1);
            assertThat(audited.status()).isEqualTo(503);
            assertThat(setup.book(Instant.parse("2027-02-01T10:00:00Z")).status())
                    .isEqualTo(201);
            assertThat(Setup.halfWritten(postgres.jdbcUrl())).isZero();
        } finally {
            server.stop();
            postgres.close();
        }
    }

    private static void readOnly(SharedPostgres postgres, boolean on) throws Exception {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", null);
                var statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET default_transaction_read_only = " + (on ? "on" : "off"));
            statement.execute("SELECT pg_reload_conf()");
        }
        // Every session takes the setting once the server has read the configuration again, which a new one shows.
        Eventually.until(
                () -> readOnlyNow(postgres) == on, Duration.ofSeconds(10), "the server to read its configuration");
    }

    private static boolean readOnlyNow(SharedPostgres postgres) {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", null);
                var statement = connection.createStatement();
                var result = statement.executeQuery("SHOW default_transaction_read_only")) {
            return result.next() && "on".equals(result.getString(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
