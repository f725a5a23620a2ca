package org.carebook.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * Runs the real PostgreSQL binaries that zonky publishes on Maven Central, with the data directory
 * kept across restarts. We launch them ourselves rather than through zonky's EmbeddedPostgres because
 * PostgreSQL refuses to run as root, and CI and many containers run as root: there we drop to the
 * unprivileged user {@code nobody} with setpriv (docs/adr/0001).
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String DATABASE = "carebook";

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final List<String> runAs;

    private EmbeddedPostgres(Path binaries, Path dataDir, int port, List<String> runAs) {
        this.binaries = binaries;
        this.dataDir = dataDir;
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
        try {
            boolean root = isRoot();
            Path binaries = extractBinaries();
            Files.createDirectories(dataDir);
            List<String> runAs = root
                    ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
                    : List.of();
            var pg = new EmbeddedPostgres(binaries, dataDir.toAbsolutePath(), port, runAs);
            if (root) {
                pg.giveDataDirToNobody();
            }
            pg.initIfNeeded();
            pg.stopLeftoverServer();
            pg.startServer();
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

    int port() {
        return port;
    }

    @Override
    public void close() {
        run(false, pgBin("pg_ctl"), "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "30");
        log.info("Embedded PostgreSQL stopped");
    }

    private void initIfNeeded() {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        log.info("Creating a new embedded PostgreSQL cluster in {}", dataDir);
        run(true, pgBin("initdb"), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(),
                "-E", "UTF-8", "--locale=C");
    }

    /** A server left running by a process that was killed (SIGKILL) still owns the directory. */
    private void stopLeftoverServer() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            run(false, pgBin("pg_ctl"), "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "30");
        }
    }

    private void startServer() {
        String options = String.join(" ",
                "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=''",
                "-c", "max_connections=300",
                "-c", "shared_buffers=256MB",
                "-c", "timezone=UTC");
        run(true, pgBin("pg_ctl"), "-D", dataDir.toString(), "-o", options,
                "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60", "start");
        log.info("Embedded PostgreSQL listening on localhost:{} with data in {}", port, dataDir);
    }

    private void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (var connection = DriverManager.getConnection(url, "postgres", "");
             var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started but did not accept a connection", e);
        }
    }

    private void giveDataDirToNobody() throws IOException {
        UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
        var nobody = users.lookupPrincipalByName("nobody");
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, nobody);
            }
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
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
                throw new IllegalStateException("PostgreSQL command " + command[0].replaceAll(".*/", "")
                        + " failed: " + printed.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running PostgreSQL", e);
        }
    }

    static Path extractBinaries() throws IOException {
        String archive = "postgres-" + system() + "-" + architecture() + ".txz";
        byte[] bytes;
        try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(archive)) {
            if (in == null) {
                throw new IllegalStateException("No embedded PostgreSQL for this platform (" + archive
                        + "); set DATABASE_URL to use an external PostgreSQL 15+");
            }
            bytes = in.readAllBytes();
        }
        String digest = HexFormat.of().formatHex(sha256(bytes)).substring(0, 16);
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "carebook-postgres", digest);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent() == null ? Path.of(".")
                : Files.createDirectories(target.getParent()), "extract");
        try (var tar = new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(bytes)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                extractEntry(tar, entry, staging);
            }
        }
        Files.writeString(staging.resolve(".complete"), digest);
        makeReadableByAll(staging);
        try {
            Files.move(staging, target);
        } catch (IOException alreadyThere) {
            // Another process extracted the same archive first; use theirs.
        }
        return target;
    }

    private static void extractEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path);
            if ((entry.getMode() & 0100) != 0) {
                path.toFile().setExecutable(true, false);
            }
        }
    }

    private static void makeReadableByAll(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(path)) {
                    path.toFile().setReadable(true, false);
                    if (Files.isDirectory(path)) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "darwin";
        }
        if (os.contains("linux")) {
            return "linux";
        }
        return os.replace(' ', '_');
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
