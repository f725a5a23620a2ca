package org.carebook.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;

/**
 * Seeds a running server (bench/availability.sh starts one) for the availability benchmark: a clinic of
 * 20 clinicians with 14 days of 09:00–17:00 and 60 % of the 30-minute slots booked through the API.
 * Writes the key and path of the 14-day availability request for the load tool, and the busy-interval
 * query that request runs, with this clinic's values, as a pgbench script.
 */
public final class AvailabilityBenchData {

    private static final int CLINICIANS = 20;
    private static final int DAYS = 14;

    private AvailabilityBenchData() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminToken = args[1];
        Path requestFile = Path.of(args[2]);
        Path pgbenchScript = Path.of(args[3]);

        var api =
                ApiTest.organization(new Api(base, adminToken), "Bench clinic").live();
        String key = api.key();
        String location = api.post("/v1/locations", Map.of("name", "Bench", "timezone", "Europe/London"))
                .id();
        String type = api.post("/v1/appointment-types", Map.of("name", "Consultation", "duration_minutes", 30))
                .id();
        var hours = Arrays.stream(DayOfWeek.values())
                .map(d -> Map.of("day", d.name().toLowerCase(Locale.ROOT), "start", "09:00", "end", "17:00"))
                .toList();
        LocalDate from = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7);
        var clinicians = new ArrayList<String>();
        var bookings = new ArrayList<Map<String, Object>>();
        var random = new Random(42);
        for (int c = 0; c < CLINICIANS; c++) {
            String clinician = api.post("/v1/clinicians", Map.of("name", String.format("Dr %02d", c)))
                    .id();
            clinicians.add(clinician);
            api.post(
                    "/v1/schedules", Map.of("clinician_id", clinician, "location_id", location, "weekly_hours", hours));
            String patient = api.post(
                            "/v1/patients",
                            Map.of("first_name", "Bench", "last_name", "Patient " + c, "date_of_birth", "1980-01-01"))
                    .id();
            for (int d = 0; d < DAYS; d++) {
                Instant dayStart = from.plusDays(d)
                        .atTime(9, 0)
                        .atZone(ZoneId.of("Europe/London"))
                        .toInstant();
                for (int s = 0; s < 16; s++) {
                    if (random.nextDouble() < 0.6) {
                        bookings.add(Map.of(
                                "appointment_type_id",
                                type,
                                "clinician_id",
                                clinician,
                                "location_id",
                                location,
                                "patient_id",
                                patient,
                                "start_time",
                                dayStart.plus(Duration.ofMinutes(30L * s)).toString()));
                    }
                }
            }
        }
        var booked = new AtomicInteger();
        run(8, bookings.size(), i -> {
            if (api.post("/v1/appointments", bookings.get(i)).status() == 201) {
                booked.incrementAndGet();
            }
        });
        System.out.printf(
                "seeded %d clinicians, %d of %d slots booked%n", CLINICIANS, booked.get(), CLINICIANS * DAYS * 16);

        String path = "/v1/availability?appointment_type_id=" + type + "&start_date=" + from + "&end_date="
                + from.plusDays(DAYS - 1);
        System.out.printf("each answer has %d slots%n", api.get(path).data().size());
        writePgbenchScript(pgbenchScript, clinicians, from);
        Files.writeString(requestFile, key + "\n" + path + "\n");
    }

    /** BusyTime.BUSY, the busy-interval query availability sends, with this clinic's values, for pgbench. */
    private static void writePgbenchScript(Path file, List<String> clinicians, LocalDate from) throws Exception {
        String window = "tstzrange('" + from.minusDays(2) + "T00:00:00Z', '" + from.plusDays(DAYS + 2) + "T00:00:00Z')";
        String sql = "SELECT clinician_id, room_id, lower(blocked) AS starts, upper(blocked) AS ends, expires_at"
                + " FROM blocking_intervals WHERE (clinician_id = ANY ('{" + String.join(",", clinicians)
                + "}'::text[])"
                + " OR room_id = ANY ('{}'::text[])) AND blocked && " + window
                + " AND (expires_at IS NULL OR expires_at > now()) AND NOT seat;\n";
        Files.writeString(file, sql);
    }

    private static void run(int threads, int tasks, java.util.function.IntConsumer task) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        var next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }
}
