package org.carebook.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark scenarios of issue 6 against a running server (bench/run.sh starts one on embedded
 * PostgreSQL): seeds a realistic clinic network through the API, then measures availability, booking
 * (hold then confirm), contention (200 clients, 20 slots) and patient search, and writes the SQL each
 * scenario needs as pgbench scripts for the ceilings. Arguments: base URL, admin token, server pid,
 * JDBC URL of its database, output directory, seconds per scenario, and the file that keeps the seeded
 * network for a later run on the same data (BENCH_SCENARIOS=booking,patient-search picks scenarios).
 */
public final class Scenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int CLINICIANS = 40;
    private static final int PATIENTS = 50_000;
    private static final List<String> SCENARIOS =
            List.of("availability", "booking", "series", "seat", "mixed", "contention", "patient-search");

    private Scenarios() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long serverPid = Long.parseLong(args[2]);
        String jdbcUrl = args[3];
        Path out = Path.of(args[4]);
        var measure = Duration.ofSeconds(Integer.parseInt(args[5]));
        var warmUp = Duration.ofSeconds(Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "5")));
        var only = List.of(System.getenv()
                .getOrDefault("BENCH_SCENARIOS", String.join(",", SCENARIOS))
                .split(","));
        Files.createDirectories(out);

        var clinic = Clinic.seedOrReuse(new Api(base, args[1]), Path.of(args[6]));
        try (var db = DriverManager.getConnection(jdbcUrl, "postgres", null);
                var statement = db.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        var results = new ArrayList<Load.Result>();
        String key = clinic.key();

        if (only.contains("availability")) {
            String availability = base + "/v1/availability?appointment_type_id=" + clinic.thirtyMinutes()
                    + "&start_date=" + clinic.firstDay() + "&end_date="
                    + clinic.firstDay().plusDays(13);
            results.add(Load.run(
                    "availability",
                    16,
                    warmUp,
                    measure,
                    serverPid,
                    c -> Load.send("GET", availability, key, null).statusCode()));
        }
        if (only.contains("booking")) {
            // Bookings go to the eight weeks after the seeded four, so free slots do not run out mid-measurement.
            var free = clinic.freeSlots(base, 4, 8);
            Collections.shuffle(free, new Random(7));
            var next = new AtomicInteger();
            results.add(Load.run(
                    "booking",
                    16,
                    warmUp,
                    measure,
                    serverPid,
                    c -> holdAndConfirm(base, clinic, free.get(next.getAndIncrement() % free.size()))));
        }
        if (only.contains("series")) {
            results.add(CourseScenarios.series(base, clinic, warmUp, measure, serverPid));
        }
        if (only.contains("seat")) {
            results.add(CourseScenarios.seat(base, clinic, warmUp, measure, serverPid));
        }
        if (only.contains("mixed")) {
            results.addAll(mixed(base, clinic, warmUp, measure, serverPid));
        }
        if (only.contains("contention")) {
            var seededWeeks = clinic.freeSlots(base, 0, 4);
            Collections.shuffle(seededWeeks, new Random(11));
            var twenty = new ArrayList<>(seededWeeks.subList(0, 20));
            results.add(Load.run(
                    "contention",
                    200,
                    Duration.ZERO,
                    Duration.ofSeconds(10),
                    serverPid,
                    c -> holdAndConfirm(
                            base, clinic, twenty.get(ThreadLocalRandom.current().nextInt(20)))));
        }
        if (only.contains("patient-search")) {
            Load.Step search = c -> Load.send(
                            "GET",
                            base + "/v1/patients?search="
                                    + URLEncoder.encode(Names.searchText(), StandardCharsets.UTF_8) + "&limit=5",
                            key,
                            null)
                    .statusCode();
            results.add(Load.run("patient search", 16, warmUp, measure, serverPid, search));
            results.add(Load.run("search 4 clients", 4, Duration.ZERO, measure, serverPid, search));
        }
        report(results, overlaps(jdbcUrl), out);
        writeSearchQueries(jdbcUrl);
        clinic.writePgbenchScripts(out);
    }

    /**
     * The busy hour: 16 clients ask for one clinician's next two weeks (the first half of the clinicians, in
     * turn) while 4 clients book the other half, weeks 5–12. Prints the share of availability answers served
     * from the cache (the server's own counter, over the measured time).
     */
    private static List<Load.Result> mixed(
            String base, Clinic clinic, Duration warmUp, Duration measure, long serverPid) throws Exception {
        var readersSee = clinic.clinicians().subList(0, CLINICIANS / 2);
        var bookable = clinic.freeSlots(base, 4, 8).stream()
                .filter(slot -> !readersSee.contains(slot.clinician()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        Collections.shuffle(bookable, new Random(13));
        var next = new AtomicInteger();
        var before = cacheCounts(base);
        var bookers = Executors.newSingleThreadExecutor();
        var booking = bookers.submit(() -> Load.run(
                "mixed: booking",
                4,
                warmUp,
                measure,
                serverPid,
                c -> holdAndConfirm(base, clinic, bookable.get(next.getAndIncrement() % bookable.size()))));
        var asked = new AtomicInteger();
        var reading = Load.run("mixed: availability", 16, warmUp, measure, serverPid, c -> {
            String clinician = readersSee.get(asked.getAndIncrement() % readersSee.size());
            return Load.send(
                            "GET",
                            base + "/v1/availability?appointment_type_id=" + clinic.thirtyMinutes() + "&clinician_id="
                                    + clinician + "&start_date=" + clinic.firstDay() + "&end_date="
                                    + clinic.firstDay().plusDays(13),
                            clinic.key(),
                            null)
                    .statusCode();
        });
        var after = cacheCounts(base);
        bookers.shutdown();
        double hits = after[0] - before[0];
        double misses = after[1] - before[1];
        System.out.printf(
                "mixed: %.0f %% of availability answers from the cache (%.0f hits, %.0f misses, warm-up included)%n",
                100 * hits / Math.max(1, hits + misses), hits, misses);
        return List.of(reading, booking.get());
    }

    /** The server's availability cache counters: hits, misses. */
    private static double[] cacheCounts(String base) throws Exception {
        var counts = new double[2];
        for (String line : Load.send("GET", base + "/actuator/prometheus", null, null)
                .body()
                .lines()
                .toList()) {
            if (line.startsWith("carebook_availability_cache_total")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                counts[line.contains("result=\"hit\"") ? 0 : 1] += value;
            }
        }
        return counts;
    }

    /** A thousand search texts, drawn as the search scenario draws them, for its pgbench script. */
    private static void writeSearchQueries(String jdbcUrl) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl, "postgres", null)) {
            db.createStatement().execute("DROP TABLE IF EXISTS bench_queries");
            db.createStatement().execute("CREATE TABLE bench_queries (i int PRIMARY KEY, q text NOT NULL)");
            try (var insert = db.prepareStatement("INSERT INTO bench_queries VALUES (?, ?)")) {
                for (int i = 1; i <= 1000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, Names.searchText());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static int overlaps(String jdbcUrl) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl, "postgres", null);
                var statement = db.createStatement();
                var rs = statement.executeQuery("""
                     SELECT count(*) FROM appointments a JOIN appointments b
                       ON a.clinician_id = b.clinician_id AND a.id < b.id
                      AND tstzrange(a.start_time, a.end_time) && tstzrange(b.start_time, b.end_time)
                      AND (a.session_id IS NULL OR b.session_id IS NULL OR a.session_id <> b.session_id)
                    WHERE a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')""")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void report(List<Load.Result> results, int overlaps, Path out) throws Exception {
        var lines = new ArrayList<String>();
        results.forEach(r -> lines.add(r.line()));
        lines.add("overlapping appointments after all scenarios: " + overlaps);
        lines.forEach(System.out::println);
        Files.write(out.resolve("results.txt"), lines);
        var rates = new StringBuilder();
        results.forEach(r -> rates.append(r.name().replace(' ', '-'))
                .append(' ')
                .append(Math.round(
                        CourseScenarios.COUNTED_BY_CREATED.contains(r.name())
                                ? r.statuses().getOrDefault(201, 0) / r.seconds()
                                : r.perSecond()))
                .append('\n'));
        Files.writeString(out.resolve("rates.txt"), rates);
    }

    /** Holds a slot and confirms it for a random patient: the status of the confirmation, or of a refused hold. */
    private static int holdAndConfirm(String base, Clinic clinic, Clinic.Slot slot) throws Exception {
        return holdAndConfirm(base, clinic, clinic.thirtyMinutes(), slot);
    }

    static int holdAndConfirm(String base, Clinic clinic, String type, Clinic.Slot slot) throws Exception {
        var hold = Load.send(
                "POST",
                base + "/v1/holds",
                clinic.key(),
                JSON.writeValueAsString(Map.of(
                        "appointment_type_id",
                        type,
                        "clinician_id",
                        slot.clinician(),
                        "location_id",
                        slot.location(),
                        "start_time",
                        slot.start())));
        if (hold.statusCode() != 201) {
            return hold.statusCode();
        }
        String holdId = JSON.readTree(hold.body()).get("data").get("id").stringValue();
        return Load.send(
                        "POST",
                        base + "/v1/holds/" + holdId + "/confirm",
                        clinic.key(),
                        JSON.writeValueAsString(Map.of("patient_id", clinic.randomPatient())))
                .statusCode();
    }

    /** How large a network to seed: the benchmark's, or a small one for a test that reads the same shape. */
    public record Size(int clinicians, int patients, int days) {

        static final Size FULL = new Size(CLINICIANS, PATIENTS, 28);
    }

    /** The seeded clinic network: 2 locations, 40 clinicians, 6 services, 50,000 patients, 60 % of 4 weeks booked. */
    public record Clinic(
            String organizationId,
            String key,
            List<String> locations,
            List<String> clinicians,
            List<String> types,
            List<String> patients,
            LocalDate firstDay) {

        record Slot(String clinician, String location, String start) {}

        public String thirtyMinutes() {
            return types.get(2);
        }

        String randomPatient() {
            return patients.get(ThreadLocalRandom.current().nextInt(patients.size()));
        }

        /** The network seeded by an earlier run on the same data directory (bench/run.sh --reuse), or a new one. */
        static Clinic seedOrReuse(Api admin, Path saved) throws Exception {
            if (Files.exists(saved)) {
                return JSON.readValue(saved.toFile(), Clinic.class);
            }
            var clinic = seed(admin, Size.FULL);
            JSON.writeValue(saved.toFile(), clinic);
            return clinic;
        }

        /**
         * Seeds the network through the API as a client would: clinicians alternate between the two locations and
         * work weekdays 09:00–17:00; each 30-minute start of the next {@code size.days()} days is booked with a
         * chance of 60 % (a fixed random seed), for random patients, with the 30-minute service.
         */
        public static Clinic seed(Api admin, Size size) throws Exception {
            long started = System.nanoTime();
            var org = ApiTest.organization(admin, "Bench network");
            var api = org.live();
            String key = api.key();
            var locations = List.of(
                    api.post("/v1/locations", Map.of("name", "North", "timezone", "Europe/London"))
                            .id(),
                    api.post("/v1/locations", Map.of("name", "South", "timezone", "Europe/London"))
                            .id());
            var types = new ArrayList<String>();
            int[] minutes = {15, 20, 30, 30, 45, 60};
            for (int i = 0; i < minutes.length; i++) {
                types.add(api.post(
                                "/v1/appointment-types",
                                Map.of(
                                        "name",
                                        "Service " + (i + 1),
                                        "duration_minutes",
                                        minutes[i],
                                        "max_advance_days",
                                        120))
                        .id());
            }
            var weekdays = List.of("monday", "tuesday", "wednesday", "thursday", "friday").stream()
                    .map(d -> Map.of("day", d, "start", "09:00", "end", "17:00"))
                    .toList();
            var clinicians = new ArrayList<String>();
            for (int c = 0; c < size.clinicians(); c++) {
                String id = api.post("/v1/clinicians", Map.of("name", String.format(Locale.ROOT, "Dr %02d", c)))
                        .id();
                clinicians.add(id);
                api.post(
                        "/v1/schedules",
                        Map.of("clinician_id", id, "location_id", locations.get(c % 2), "weekly_hours", weekdays));
            }
            var random = new Random(42);
            var patients = java.util.Collections.synchronizedList(new ArrayList<String>());
            parallel(size.patients(), i -> {
                var r = new SplittableRandom(i);
                var created = api.post(
                        "/v1/patients",
                        Map.of(
                                "first_name",
                                Names.first(r),
                                "last_name",
                                Names.last(r),
                                "date_of_birth",
                                LocalDate.of(1940 + r.nextInt(80), 1 + r.nextInt(12), 1 + r.nextInt(28))
                                        .toString()));
                if (created.status() == 201) {
                    patients.add(created.id());
                }
            });
            LocalDate first = LocalDate.now(LONDON).plusDays(1);
            var bookings = new ArrayList<Map<String, Object>>();
            for (int d = 0; d < size.days(); d++) {
                LocalDate day = first.plusDays(d);
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (int c = 0; c < size.clinicians(); c++) {
                    for (int s = 0; s < 16; s++) {
                        if (random.nextDouble() < 0.6) {
                            bookings.add(Map.of(
                                    "appointment_type_id",
                                    types.get(2),
                                    "clinician_id",
                                    clinicians.get(c),
                                    "location_id",
                                    locations.get(c % 2),
                                    "patient_id",
                                    patients.get(random.nextInt(patients.size())),
                                    "start_time",
                                    day.atTime(9, 0)
                                            .plusMinutes(30L * s)
                                            .atZone(LONDON)
                                            .toInstant()
                                            .toString()));
                        }
                    }
                }
            }
            var booked = new AtomicInteger();
            parallel(bookings.size(), i -> {
                if (api.post("/v1/appointments", bookings.get(i)).status() == 201) {
                    booked.incrementAndGet();
                }
            });
            System.out.printf(
                    "seeded %d clinicians, %d patients, %d of %d planned bookings in %.0f s%n",
                    size.clinicians(),
                    patients.size(),
                    booked.get(),
                    bookings.size(),
                    (System.nanoTime() - started) / 1e9);
            return new Clinic(org.id(), key, locations, clinicians, types, List.copyOf(patients), first);
        }

        /** The free 30-minute starts of {@code weeks} weeks from week {@code fromWeek}, as availability offers them. */
        List<Slot> freeSlots(String base, int fromWeek, int weeks) throws Exception {
            var slots = new ArrayList<Slot>();
            for (int week = fromWeek; week < fromWeek + weeks; week++) {
                LocalDate from = firstDay.plusDays(7L * week);
                var answer = Load.send(
                        "GET",
                        base + "/v1/availability?appointment_type_id=" + thirtyMinutes() + "&start_date=" + from
                                + "&end_date=" + from.plusDays(6),
                        key,
                        null);
                for (JsonNode slot : JSON.readTree(answer.body()).get("data")) {
                    slots.add(new Slot(
                            slot.get("clinician_id").stringValue(),
                            slot.get("location_id").stringValue(),
                            slot.get("start_time").stringValue()));
                }
            }
            return slots;
        }

        /** The SQL each scenario needs (bench/pgbench/), with this network's values, for pgbench to measure the ceilings. */
        void writePgbenchScripts(Path out) throws Exception {
            var values = Map.of(
                    "${clinicians}",
                    String.join(",", clinicians),
                    "${clinician}",
                    clinicians.get(0),
                    "${from}",
                    firstDay.minusDays(2) + "T00:00:00Z",
                    "${to}",
                    firstDay.plusDays(16) + "T00:00:00Z",
                    "${org}",
                    organizationId);
            for (String scenario : List.of("availability", "booking", "patient-search")) {
                String script = Files.readString(Path.of("bench/pgbench", scenario + ".sql"));
                for (var value : values.entrySet()) {
                    script = script.replace(value.getKey(), value.getValue());
                }
                Files.writeString(out.resolve(scenario + ".sql"), script);
            }
        }

        private static void parallel(int tasks, java.util.function.IntConsumer task) throws InterruptedException {
            var pool = Executors.newFixedThreadPool(8);
            var next = new AtomicInteger();
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
        }
    }
}
