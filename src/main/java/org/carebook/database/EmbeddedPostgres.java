package org.carebook.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real PostgreSQL binaries that zonky publishes on Maven Central, with the data directory
 * kept across restarts. We launch them ourselves rather than through zonky's EmbeddedPostgres because
 * PostgreSQL refuses to run as root, and CI and many containers run as root: there we drop to the
 * unprivileged user {@code nobody} with setpriv (docs/adr/0001). It listens on localhost only and asks
 * for a password (scram-sha-256): a random one, kept beside the data directory where only this user can
 * read it, so another local user or process cannot walk into the patients' data.
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String DATABASE = "carebook";

    private final Path binaries;
    private final DataDirectory directory;
    private final Path dataDir;
    private final int port;
    private final List<String> runAs;
    private String password;

    private EmbeddedPostgres(Path binaries, DataDirectory directory, int port, List<String> runAs) {
        this.binaries = binaries;
        this.directory = directory;
        this.dataDir = directory.path();
        this.port = port;
        this.runAs = runAs;
    }

    static EmbeddedPostgres start(Path dataDir) {
        try {
            return start(dataDir, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
    }

    /** On a given port: a restarted server must be found where its clients left it. */
    static EmbeddedPostgres start(Path dataDir, int port) {
        Path absolute = dataDir.toAbsolutePath();
        try {
            Path binaries = extractBinaries();
            List<String> runAs =
                    isRoot() ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of();
            var directory = new DataDirectory(absolute, runAs);
            directory.prepare();
            var pg = new EmbeddedPostgres(binaries, directory, port, runAs);
            pg.initIfNeeded();
            pg.stopLeftoverServer();
            pg.startServer();
            pg.requirePassword();
            pg.createDatabaseIfMissing();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    String user() {
        return "postgres";
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        run(false, pgBin("pg_ctl"), "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "30");
        log.info("Embedded PostgreSQL stopped");
    }

    private void initIfNeeded() throws IOException {
        if (directory.isInitialised()) {
            password = directory.storedPassword();
            return;
        }
        log.info("Creating a new embedded PostgreSQL cluster in {}", dataDir);
        password = DataDirectory.newPassword();
        directory.keep(password);
        // initdb wants an empty directory: the password goes beside it.
        Path given = directory.passwordForInitdb(password);
        try {
            run(
                    true,
                    pgBin("initdb"),
                    "-A",
                    "scram-sha-256",
                    "--pwfile=" + given,
                    "-U",
                    "postgres",
                    "-D",
                    dataDir.toString(),
                    "-E",
                    "UTF-8",
                    "--locale=C");
        } finally {
            Files.deleteIfExists(given);
        }
        directory.writeHostRules();
    }

    /**
     * A cluster made before passwords (it trusted every local connection) gets one now: set while it still
     * trusts, then the rules are rewritten and reloaded.
     */
    private void requirePassword() throws IOException {
        if (password != null) {
            return;
        }
        String chosen = DataDirectory.newPassword();
        try (var connection = DriverManager.getConnection(url("postgres"), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD '" + chosen + "'"); // base64url: nothing to escape
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded PostgreSQL a password", e);
        }
        directory.keep(chosen);
        password = chosen;
        directory.writeHostRules();
        run(true, pgBin("pg_ctl"), "-D", dataDir.toString(), "reload");
        log.info("The embedded PostgreSQL now asks for a password (kept in {})", directory.passwordFile());
    }

    /** A server left running by a process that was killed (SIGKILL) still owns the directory. */
    private void stopLeftoverServer() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            run(false, pgBin("pg_ctl"), "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "30");
        }
    }

    private void startServer() {
        String options = String.join(
                " ",
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=localhost",
                "-c",
                "unix_socket_directories=''",
                "-c",
                "max_connections=300",
                "-c",
                "shared_buffers=256MB",
                "-c",
                "timezone=UTC");
        run(
                true,
                pgBin("pg_ctl"),
                "-D",
                dataDir.toString(),
                "-o",
                options,
                "-l",
                dataDir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "start");
        log.info("Embedded PostgreSQL listening on localhost:{} with data in {}", port, dataDir);
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private void createDatabaseIfMissing() {
        try (var connection = DriverManager.getConnection(url("postgres"), "postgres", password);
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started but did not accept a connection", e);
        }
    }

    private String pgBin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(boolean mustSucceed, String... command) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(List.of(command));
        try {
            Path output = Files.createTempFile("carebook-pg", ".out");
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            String printed = Files.readString(output);
            Files.deleteIfExists(output);
            if (mustSucceed && (!finished || process.exitValue() != 0)) {
                throw new IllegalStateException(
                        "PostgreSQL command " + command[0].replaceAll(".*/", "") + " failed: " + printed.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running PostgreSQL", e);
        }
    }

    static Path extractBinaries() throws IOException {
        return PostgresBinaries.extract();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
