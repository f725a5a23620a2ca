package org.carebook.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.carebook.database.SharedPostgres;
import org.carebook.support.Eventually;

/**
 * A PostgreSQL primary and a hot standby streaming from it, made from the machine's own PostgreSQL (Debian's
 * package: {@code initdb}, {@code pg_basebackup -R}, {@code pg_ctl promote}), as a deployment runs them. On
 * loopback, with a random password; as root the servers run as {@code nobody}, as PostgreSQL requires.
 *
 * <p>Where the machine has no PostgreSQL server package, the embedded PostgreSQL's binaries stand in, with the
 * base backup made by hand: the tests run everywhere the server does.
 */
final class StreamingPair implements AutoCloseable {

    /** How the standby follows: a delay before it applies what it received, and whether commits wait for it. */
    record Replication(Duration applyDelay, boolean synchronous) {}

    private static final String DATABASE = "carebook";

    private final Path bin;
    private final Path root;
    private final List<String> runAs;
    private final String password;
    private final int primaryPort;
    private final int standbyPort;

    private StreamingPair(Path bin, Path root, List<String> runAs, String password, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.root = root;
        this.runAs = runAs;
        this.password = password;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    static StreamingPair start(Replication replication) throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> runAs = root ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of();
        Path dir = Files.createTempDirectory("carebook-streaming");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (root) {
            Files.setAttribute(dir, "unix:uid", 65534);
            Files.setAttribute(dir, "unix:gid", 65534);
        }
        var pair = new StreamingPair(
                bin, dir, runAs, HexFormat.of().formatHex(new SecureRandom().generateSeed(16)), freePort(), freePort());
        pair.startPrimary(replication);
        pair.startStandby(replication);
        if (replication.synchronous()) {
            pair.waitForTheStandbyOnCommit();
        }
        return pair;
    }

    /** The {@code DATABASE_URL} of the primary alone. */
    String primaryUrl() {
        return url(primaryPort);
    }

    /** The URL of the standby alone ({@code CAREBOOK_READ_DATABASE_URL}). */
    String standbyUrl() {
        return url(standbyPort);
    }

    /** Both servers in one URL: a client looks for the one that accepts writes. */
    String bothUrl() {
        return "postgres://postgres:" + password + "@127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort + "/"
                + DATABASE;
    }

    /** For a test's own queries on a server that takes writes. */
    String jdbcUrl(boolean standby) {
        return "jdbc:postgresql://127.0.0.1:" + (standby ? standbyPort : primaryPort) + "/" + DATABASE
                + "?user=postgres" + "&password=" + password;
    }

    /** The primary lost at once, as when its machine dies: no shutdown checkpoint, connections cut. */
    void losePrimary() {
        pgCtl("primary", "stop", "-m", "immediate", "-w");
    }

    /** The standby shut down; the primary goes on alone. */
    void stopStandby() {
        pgCtl("standby", "stop", "-m", "fast", "-w");
    }

    /** The standby becomes the primary, as a failover manager (Patroni, CloudNativePG) does it. */
    void promoteStandby() {
        pgCtl("standby", "promote", "-w", "-t", "60");
    }

    @Override
    public void close() {
        for (String cluster : List.of("standby", "primary")) {
            if (Files.exists(root.resolve(cluster).resolve("postmaster.pid"))) {
                pgCtl(cluster, "stop", "-m", "immediate", "-w");
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startPrimary(Replication replication) throws IOException {
        Path passwordFile = root.resolve("password");
        Files.writeString(passwordFile, password);
        if (!runAs.isEmpty()) {
            Files.setAttribute(passwordFile, "unix:uid", 65534);
        }
        run(
                Map.of(),
                cmd("initdb"),
                "-A",
                "scram-sha-256",
                "--pwfile=" + passwordFile,
                "-U",
                "postgres",
                "-D",
                root.resolve("primary").toString(),
                "-E",
                "UTF-8",
                "--locale=C");
        Files.delete(passwordFile);
        var settings = new ArrayList<>(List.of(
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "port = " + primaryPort,
                "max_connections = 200",
                "wal_keep_size = '512MB'",
                "timezone = 'UTC'"));
        append(root.resolve("primary").resolve("postgresql.auto.conf"), settings);
        pgCtl(
                "primary",
                "start",
                "-w",
                "-t",
                "60",
                "-l",
                root.resolve("primary.log").toString());
        try (var connection = DriverManager.getConnection(jdbcUrl(false).replace("/" + DATABASE + "?", "/postgres?"));
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("The primary does not accept connections", e);
        }
    }

    private void startStandby(Replication replication) throws IOException, InterruptedException {
        if (Files.isExecutable(bin.resolve("pg_basebackup"))) {
            run(
                    Map.of("PGPASSWORD", password),
                    cmd("pg_basebackup"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(primaryPort),
                    "-U",
                    "postgres",
                    "-D",
                    root.resolve("standby").toString(),
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast");
        } else {
            copyBaseBackup();
        }
        var settings = new ArrayList<>(List.of("port = " + standbyPort, "hot_standby_feedback = on"));
        if (!replication.applyDelay().isZero()) {
            settings.add(
                    "recovery_min_apply_delay = '" + replication.applyDelay().toMillis() + "ms'");
        }
        append(root.resolve("standby").resolve("postgresql.auto.conf"), settings);
        handToTheServersUser(root.resolve("standby"));
        pgCtl(
                "standby",
                "start",
                "-w",
                "-t",
                "60",
                "-l",
                root.resolve("standby.log").toString());
        Eventually.until(
                () -> replicationState("state").equals("streaming"),
                Duration.ofSeconds(30),
                "the standby streams from the primary");
    }

    /**
     * From now on a commit returns only once the standby has it. Set once the standby streams: a primary that
     * waits for a standby not yet there would never finish creating the database.
     */
    private void waitForTheStandbyOnCommit() throws InterruptedException {
        try (var connection = DriverManager.getConnection(jdbcUrl(false));
                var statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET synchronous_standby_names = '*'");
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("The primary refused synchronous replication", e);
        }
        Eventually.until(
                () -> replicationState("sync_state").equals("sync"),
                Duration.ofSeconds(30),
                "the standby is synchronous");
    }

    private String replicationState(String column) {
        try (var connection = DriverManager.getConnection(jdbcUrl(false));
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT " + column + " FROM pg_stat_replication")) {
            return result.next() ? result.getString(1) : "";
        } catch (SQLException e) {
            return "";
        }
    }

    /**
     * What {@code pg_basebackup -R} does, for binaries that lack it (the embedded ones): the primary's files
     * copied between {@code pg_backup_start} and {@code pg_backup_stop}, without its WAL, which the standby
     * then streams from the primary, from the point the backup label names.
     */
    private void copyBaseBackup() throws IOException {
        Path primary = root.resolve("primary");
        Path standby = root.resolve("standby");
        try (var connection = DriverManager.getConnection(jdbcUrl(false));
                var statement = connection.createStatement()) {
            statement.execute("SELECT pg_backup_start('standby', true)");
            copyCluster(primary, standby);
            try (var result = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                result.next();
                Files.writeString(standby.resolve("backup_label"), result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The primary refused a base backup", e);
        }
        Files.createFile(standby.resolve("standby.signal"));
        append(
                standby.resolve("postgresql.auto.conf"),
                List.of("primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres password=" + password
                        + "'"));
    }

    /** The cluster's files, leaving out what PostgreSQL documents as not belonging in a base backup. */
    private static void copyCluster(Path from, Path to) throws IOException {
        var notCopied = List.of("postmaster.pid", "postmaster.opts");
        var emptied = List.of(
                "pg_wal",
                "pg_replslot",
                "pg_stat_tmp",
                "pg_dynshmem",
                "pg_notify",
                "pg_serial",
                "pg_snapshots",
                "pg_subtrans");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (notCopied.contains(relative.toString())
                        || (relative.getNameCount() > 1
                                && emptied.contains(relative.getName(0).toString()))) {
                    continue;
                }
                try {
                    Files.copy(source, to.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException e) {
                    // a temporary file the running primary removed meanwhile
                }
            }
        }
        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
        Files.createDirectories(to.resolve("pg_wal").resolve("summaries"));
    }

    /** As root, the cluster's files go to {@code nobody}, who runs the servers. */
    private void handToTheServersUser(Path cluster) throws IOException {
        if (runAs.isEmpty()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(cluster)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", 65534, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private void append(Path file, List<String> lines) throws IOException {
        // The file belongs to the server's user; its directory is ours as root, and readable to us otherwise.
        Files.writeString(file, String.join("\n", lines) + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    private void pgCtl(String cluster, String... arguments) {
        var command = new ArrayList<>(
                List.of(cmd("pg_ctl"), "-D", root.resolve(cluster).toString()));
        command.addAll(List.of(arguments));
        run(Map.of(), command.toArray(String[]::new));
    }

    private String cmd(String name) {
        return bin.resolve(name).toString();
    }

    private String url(int port) {
        return "postgres://postgres:" + password + "@127.0.0.1:" + port + "/" + DATABASE;
    }

    private void run(Map<String, String> environment, String... command) {
        var full = new ArrayList<>(runAs);
        full.addAll(List.of(command));
        try {
            Path output = Files.createTempFile("carebook-streaming", ".out");
            var builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            String printed = Files.readString(output);
            Files.delete(output);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command[0]).getFileName() + " failed: " + printed.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The newest PostgreSQL server of the machine's packages (Debian's {@code postgresql}, which CI installs),
     * or, on a machine without one, the binaries of the embedded PostgreSQL the project carries.
     */
    private static Path binaries() throws IOException {
        Path packages = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(packages)) {
            try (Stream<Path> versions = Files.list(packages)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_basebackup"))
                                && Files.isExecutable(b.resolve("postgres")))
                        .max(Comparator.comparing((Path b) ->
                                Integer.parseInt(b.getParent().getFileName().toString())));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return SharedPostgres.binaries().resolve("bin");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
