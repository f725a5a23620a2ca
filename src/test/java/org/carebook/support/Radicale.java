package org.carebook.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A real CalDAV server for the tests: Debian's Radicale, started on a free loopback port with its own storage and
 * one user whose password is checked. Where Radicale is missing it is installed from Debian's packages when the
 * tests run as root (as on a fresh machine or in CI); otherwise the tests that need it fail, saying how to get it:
 * they are never skipped.
 */
public final class Radicale implements AutoCloseable {

    public static final String USER = "dr-jones";

    private static final Path PROGRAM = Path.of(System.getenv().getOrDefault("RADICALE_PATH", "/usr/bin/radicale"));

    private final Process process;
    private final String base;
    private final String password = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();

    private Radicale(Path home) throws IOException, InterruptedException {
        Path users = home.resolve("users");
        Files.writeString(users, USER + ":" + password + "\n");
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        process = new ProcessBuilder(List.of(
                        PROGRAM.toString(),
                        "--config",
                        "",
                        "--server-hosts",
                        "127.0.0.1:" + port,
                        "--storage-filesystem-folder",
                        home.resolve("collections").toString(),
                        "--auth-type",
                        "htpasswd",
                        "--auth-htpasswd-filename",
                        users.toString(),
                        "--auth-htpasswd-encryption",
                        "plain"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("radicale.log").toFile())
                .start();
        Eventually.until(this::answers, Duration.ofSeconds(20), "Radicale answering on " + base);
    }

    public static Radicale start() throws IOException, InterruptedException {
        if (!Files.isExecutable(PROGRAM) && "root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("apt-get", "install", "-y", "-qq", "radicale")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        }
        if (!Files.isExecutable(PROGRAM)) {
            throw new IllegalStateException("No Radicale at " + PROGRAM
                    + ": install Debian's radicale package (apt-get install radicale), or set RADICALE_PATH");
        }
        return new Radicale(Files.createTempDirectory("radicale"));
    }

    public String password() {
        return password;
    }

    /** A new, empty calendar of the user's; answers its address. */
    public String newCalendar() {
        String url = base + "/" + USER + "/" + UUID.randomUUID() + "/";
        expect(send("MKCALENDAR", url, null), 201);
        return url;
    }

    /** Adds (or replaces) an event, given as the lines inside its VEVENT. */
    public void putEvent(String calendar, String uid, String... lines) {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Carebook tests//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260101T000000Z\r\n" + String.join("\r\n", lines)
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        int status = send("PUT", calendar + uid + ".ics", text).statusCode();
        if (status != 201 && status != 204) {
            throw new IllegalStateException("Radicale answered " + status + " to a PUT");
        }
    }

    public void deleteEvent(String calendar, String uid) {
        expect(send("DELETE", calendar + uid + ".ics", null), 200);
    }

    private boolean answers() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> send(String method, String url, String body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "text/calendar; charset=utf-8");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Radicale answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
