package org.carebook.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop HTTP load driver: {@code clients} threads, each sending its next request when the last
 * answer arrived, for a fixed time after a warm-up. Latencies go into an HdrHistogram; the result is
 * printed with the server's resident memory.
 */
final class Load {

    /** One client's next request: returns the HTTP status it got (or a negative number for a failure to send). */
    @FunctionalInterface
    interface Step {
        int run(int client) throws Exception;
    }

    record Result(
            String name,
            long requests,
            double seconds,
            double p50,
            double p95,
            double p99,
            Map<Integer, Integer> statuses,
            long rssKb,
            Cpu cpu) {

        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(
                    "%-16s %8.0f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  statuses %s  server RSS %d MiB"
                            + "  CPU ms/request: server %.2f, PostgreSQL %.2f, load driver %.2f",
                    name,
                    perSecond(),
                    p50,
                    p95,
                    p99,
                    statuses,
                    rssKb / 1024,
                    cpu.server() / requests,
                    cpu.postgres() / requests,
                    cpu.driver() / requests);
        }
    }

    /** CPU milliseconds used by the server, all PostgreSQL processes and this driver over a measurement. */
    record Cpu(double server, double postgres, double driver) {

        static Cpu of(long serverPid) {
            return new Cpu(
                    millis(serverPid),
                    postgresMillis(),
                    millis(ProcessHandle.current().pid()));
        }

        Cpu since(Cpu start) {
            return new Cpu(server - start.server, postgres - start.postgres, driver - start.driver);
        }

        private static double postgresMillis() {
            return ProcessHandle.allProcesses()
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .mapToDouble(p -> millis(p.pid()))
                    .sum();
        }

        /** User and system time from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms); 0 where that does not exist. */
        private static double millis(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
            } catch (Exception e) {
                return 0;
            }
        }
    }

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Load() {}

    static Result run(String name, int clients, Duration warmUp, Duration measure, long serverPid, Step step)
            throws Exception {
        drive(clients, warmUp, step, null, null);
        var recorder = new Recorder(3_600_000_000L, 3);
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        long started = System.nanoTime();
        var cpuAtStart = Cpu.of(serverPid);
        long requests = drive(clients, measure, step, recorder, statuses);
        var cpu = Cpu.of(serverPid).since(cpuAtStart);
        double seconds = (System.nanoTime() - started) / 1e9;
        var histogram = recorder.getIntervalHistogram();
        return new Result(
                name,
                requests,
                seconds,
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(95) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                new java.util.TreeMap<>(statuses),
                rss(serverPid),
                cpu);
    }

    private static long drive(
            int clients, Duration duration, Step step, Recorder recorder, Map<Integer, Integer> statuses)
            throws InterruptedException {
        var pool = Executors.newFixedThreadPool(clients);
        var count = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        var failures = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = step.run(client);
                    } catch (Exception e) {
                        status = -1;
                        failures.incrementAndGet();
                    }
                    if (recorder != null) {
                        recorder.recordValue(System.nanoTime() - t0);
                        statuses.merge(status, 1, Integer::sum);
                    }
                    count.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        return count.get();
    }

    static HttpResponse<String> send(String method, String url, String key, String json) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The server's resident set size in KiB, from /proc; 0 where that does not exist. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
