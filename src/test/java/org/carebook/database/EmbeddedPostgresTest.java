package org.carebook.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL shares a machine with other users: what it unpacks, runs and listens to. */
@Tag("integration")
class EmbeddedPostgresTest {

    private final Path root =
            Path.of("target", "embedded-postgres", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theDatabaseAsksForARandomPasswordThatOnlyThisUserCanRead() throws Exception {
        try (var postgres = EmbeddedPostgres.start(root.resolve("postgres"))) {
            Path file = root.resolve("postgres.password");

            assertThat(Files.readString(file).strip())
                    .isEqualTo(postgres.password())
                    .hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "guess")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", postgres.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aDatabaseMadeBeforePasswordsGetsOneAndStopsTrustingEveryone() throws Exception {
        Path dataDir = root.resolve("postgres");
        try (var postgres = EmbeddedPostgres.start(dataDir)) {
            postgres.password(); // made with a password; now turn it back into what older versions left behind
        }
        Files.delete(root.resolve("postgres.password"));
        Files.writeString(
                dataDir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");

        try (var postgres = EmbeddedPostgres.start(dataDir)) {
            assertThat(Files.exists(root.resolve("postgres.password"))).isTrue();
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", postgres.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void theBinariesAreThisUsersAndAChangedFileIsNoticed() throws Exception {
        Path binaries = EmbeddedPostgres.extractBinaries();
        assertThat(binaries.getParent().getFileName().toString()).startsWith("carebook-postgres-");
        assertThat(Files.getOwner(binaries).getName()).isEqualTo(System.getProperty("user.name"));
        assertThat(PostgresBinaries.verified(binaries)).isTrue();

        Path copy = root.resolve("binaries");
        copyTree(binaries, copy);
        assertThat(PostgresBinaries.verified(copy)).isTrue();
        Files.writeString(copy.resolve("bin/pg_ctl"), "#!/bin/sh\necho pwned\n");

        assertThat(PostgresBinaries.verified(copy)).isFalse();
    }

    @Test
    void aSharedTempDirectoryThatOthersCanWriteIsNotUsed() throws Exception {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path shared = Files.createDirectory(tmp.resolve("carebook-postgres-" + System.getProperty("user.name")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        Path chosen = PostgresBinaries.ownedHome(tmp);

        assertThat(chosen).isNotEqualTo(shared);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(chosen)))
                .isEqualTo("rwxr-xr-x");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(PostgresBinaries.ownedHome(tmp)).isEqualTo(shared);
    }

    @Test
    void aDataDirectoryTheDatabaseCannotUseStopsStartUpWithOneSentence() throws Exception {
        Path locked = Files.createDirectories(root.resolve("locked"));
        Path dataDir = locked.resolve("data");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path log = root.resolve("server.log");
        try {
            var server = new ServerProcess(dataDir);
            assertThatThrownBy(() -> server.start(log)).hasMessageContaining("exit: 1");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }

        List<String> lines = Files.readAllLines(log);
        assertThat(String.join("\n", lines))
                .contains("CAREBOOK_DATA_DIR")
                .contains(dataDir.resolve("postgres").toString());
        assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.contains("\\tat "));
        assertThat(lines).hasSizeLessThan(30);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isSymbolicLink(path)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
