package org.carebook.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server as its own operating-system process (the test JVM's classpath, embedded PostgreSQL in
 * {@code dataDir}), so tests can kill it with SIGKILL and start it again on the same data.
 */
public final class ServerProcess {

    private final Path dataDir;
    private final List<String> settings;
    private final List<String> jvmOptions;
    private final int port;
    private Process process;

    public ServerProcess(Path dataDir, String... settings) {
        this(dataDir, List.of(), settings);
    }

    /** A server whose JVM also gets {@code jvmOptions} (a smaller heap, say). */
    public ServerProcess(Path dataDir, List<String> jvmOptions, String... settings) {
        this.dataDir = dataDir;
        this.settings = List.of(settings);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public ServerProcess start(Path log) throws IOException, InterruptedException {
        var command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // A server a test starts lives seconds: C1 alone starts it a quarter sooner (measured 12.8–16.3 s → 9.4–10.7
        // s).
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.carebook.CarebookApplication",
                "--server.port=" + port,
                "--carebook.data-dir=" + dataDir.toAbsolutePath(),
                "--carebook.admin-token=" + ApiTest.ADMIN_TOKEN,
                "--carebook.demo=false"));
        settings.forEach(s -> command.add("--" + s));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitReady();
        return this;
    }

    /** The URL of the server's embedded database, with its password, for a test's own queries. */
    public String embeddedJdbcUrl() throws IOException {
        String port = java.nio.file.Files.readAllLines(
                        dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .strip();
        String password = java.nio.file.Files.readString(dataDir.resolve("postgres.password"))
                .strip();
        return "jdbc:postgresql://localhost:" + port + "/carebook?password=" + password;
    }

    /** SIGKILL: no shutdown hooks, no graceful stop; the embedded PostgreSQL is left running, as after a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM: the server stops gracefully, and stops its embedded PostgreSQL. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitReady() throws InterruptedException {
        var client = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The server did not become ready (exit: "
                + (process.isAlive() ? "still running" : process.exitValue()) + ")");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
