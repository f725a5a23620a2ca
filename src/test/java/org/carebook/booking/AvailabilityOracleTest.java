package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hold endpoint is the oracle for availability: for random schedules, types, existing bookings and
 * zones (on the dates their clocks change), every slot availability returns can be held, and random
 * times it does not return cannot. Seeds are fixed, so a failure reproduces.
 */
class AvailabilityOracleTest extends ApiTest {

    /** Zones with the date one of their clock changes falls on in 2027 (Kolkata has none). */
    private static final List<Map.Entry<String, LocalDate>> ZONES = List.of(
            Map.entry("America/New_York", LocalDate.parse("2027-03-14")),
            Map.entry("America/New_York", LocalDate.parse("2027-11-07")),
            Map.entry("Europe/London", LocalDate.parse("2027-03-28")),
            Map.entry("Europe/London", LocalDate.parse("2027-10-31")),
            Map.entry("Australia/Lord_Howe", LocalDate.parse("2027-04-04")),
            Map.entry("Australia/Lord_Howe", LocalDate.parse("2027-10-03")),
            Map.entry("Asia/Kolkata", LocalDate.parse("2027-02-10")));

    private static final int[] DURATIONS = {15, 20, 30, 45, 60};
    private static final int[] BUFFERS = {0, 0, 5, 10, 15};
    private static final int SLOTS_TRIED = 25;
    private static final int OTHER_TIMES_TRIED = 30;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610})
    void offeredSlotsCanBeHeldAndOtherTimesCannot(long seed) {
        var random = new Random(seed);
        var zone = ZONES.get(random.nextInt(ZONES.size()));
        var clinic = Clinic.in(newOrganization(), zone.getKey());
        var doctor = clinic.clinician("Dr Random");
        schedule(clinic, doctor, random);
        int duration = DURATIONS[random.nextInt(DURATIONS.length)];
        var type = clinic.type(
                "duration_minutes",
                duration,
                "slot_interval_minutes",
                random.nextBoolean() ? duration : 5 * (1 + random.nextInt(6)),
                "buffer_before_minutes",
                BUFFERS[random.nextInt(BUFFERS.length)],
                "buffer_after_minutes",
                BUFFERS[random.nextInt(BUFFERS.length)]);
        LocalDate from = zone.getValue().minusDays(1);
        LocalDate to = zone.getValue().plusDays(1);
        var localZone = java.time.ZoneId.of(zone.getKey());
        Instant rangeStart = from.atStartOfDay(localZone).toInstant();
        int steps = (int) (ChronoUnit.MINUTES.between(
                        rangeStart, to.plusDays(1).atStartOfDay(localZone).toInstant())
                / 5);
        bookSome(clinic, type, doctor, random, rangeStart, steps);

        var offered = new ArrayList<Instant>();
        clinic.starts(type, from.toString(), to.toString())
                .forEach(s -> offered.add(java.time.OffsetDateTime.parse(s).toInstant()));
        assertThat(offered).as("seed %d offers something to check", seed).isNotEmpty();
        assertThat(new HashSet<>(offered)).as("no slot twice").hasSameSizeAs(offered);

        var tried = new ArrayList<>(offered);
        java.util.Collections.shuffle(tried, random);
        for (Instant slot : tried.subList(0, Math.min(SLOTS_TRIED, tried.size()))) {
            var hold = clinic.hold(clinic.api, type, doctor, slot.toString());
            assertThat(hold.status())
                    .as("offered %s in %s (seed %d): %s", slot, zone.getKey(), seed, hold)
                    .isEqualTo(201);
            clinic.api.delete("/v1/holds/" + hold.id());
        }
        Set<Instant> offeredSet = new HashSet<>(offered);
        for (int i = 0; i < OTHER_TIMES_TRIED; i++) {
            Instant candidate = rangeStart.plus(5L * random.nextInt(steps), ChronoUnit.MINUTES);
            if (offeredSet.contains(candidate)) {
                continue;
            }
            var hold = clinic.hold(clinic.api, type, doctor, candidate.toString());
            assertThat(hold.status())
                    .as("not offered %s in %s (seed %d): %s", candidate, zone.getKey(), seed, hold)
                    .isIn(409, 422);
        }
    }

    /** One or two blocks a day, each starting on a quarter hour and lasting one to four hours. */
    private static void schedule(Clinic clinic, String doctor, Random random) {
        var hours = new ArrayList<Map<String, String>>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int start = random.nextInt(40) * 15;
            for (int block = 0; block < 1 + random.nextInt(2) && start < 23 * 60; block++) {
                int end = Math.min(start + 60 + random.nextInt(13) * 15, 24 * 60 - 15);
                if (end <= start) {
                    break;
                }
                hours.add(Map.of("day", day.name().toLowerCase(Locale.ROOT), "start", clock(start), "end", clock(end)));
                start = end + 15 + random.nextInt(8) * 15;
            }
        }
        Clinic.expect(
                clinic.api.post(
                        "/v1/schedules",
                        Map.of("clinician_id", doctor, "location_id", clinic.locationId, "weekly_hours", hours)),
                201);
    }

    /** A few appointments at random times of the range; ones that clash are refused, which is fine. */
    private static void bookSome(
            Clinic clinic, String type, String doctor, Random random, Instant rangeStart, int steps) {
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            Instant start = rangeStart.plus(5L * random.nextInt(steps), ChronoUnit.MINUTES);
            clinic.book(
                    type,
                    doctor,
                    clinic.patient("first_name", "P" + i),
                    start.toString(),
                    "duration_minutes",
                    15 + 15 * random.nextInt(6));
        }
    }

    private static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
