package org.carebook.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for a clinic system that receives webhooks. It answers from a script
 * ({@link #answer}) and then as {@link #usually} says (204 unless told otherwise), and keeps every request it was sent.
 */
public final class Receiver implements AutoCloseable {

    /** What was sent, and the status the receiver answered it with. */
    public record Request(Map<String, String> headers, String body, int answeredWith) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private record Answer(int status, Duration delay, Map<String, String> headers) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private volatile Answer usual = new Answer(204, Duration.ZERO, Map.of());

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            var headers = new java.util.HashMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            var answer = script.poll();
            if (answer == null) {
                answer = usual;
            }
            received.add(new Request(
                    headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    answer.status()));
            try {
                Thread.sleep(answer.delay().toMillis());
                answer.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(answer.status(), -1);
            } catch (InterruptedException | IOException e) {
                // the sender gave up waiting; nothing more to say
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next request is answered with {@code status}, after {@code delay}. */
    public Receiver answer(int status, Duration delay, Map<String, String> headers) {
        script.add(new Answer(status, delay, headers));
        return this;
    }

    public Receiver answer(int status) {
        return answer(status, Duration.ZERO, Map.of());
    }

    /** From now on, requests beyond the script are answered with {@code status} after {@code delay} (204 at first). */
    public Receiver usually(int status, Duration delay) {
        usual = new Answer(status, delay, Map.of());
        return this;
    }

    /** The requests received so far and not yet taken by {@link #await}. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    /** Waits up to {@code timeout} for {@code count} requests in all; returns those that came. */
    public List<Request> await(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        var all = new ArrayList<Request>();
        while (all.size() < count) {
            var next = received.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            all.add(next);
        }
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
