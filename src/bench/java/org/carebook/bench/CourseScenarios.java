package org.carebook.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 27's scenarios on the seeded network, beside the single booking: a 12-week course booked in one request,
 * and a place in a class booked as the widget does (hold, then confirm).
 */
final class CourseScenarios {

    /** Scenarios whose rate is what they created (201s), not every answer. */
    static final Set<String> COUNTED_BY_CREATED = Set.of("booking", "series 12 weeks", "class seat");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private CourseScenarios() {}

    /**
     * 16 clients each book a weekly series of 12 (skipping taken dates) from week 5, each at a clinician, weekday and
     * time no other request of the run uses, for a random patient.
     */
    static Load.Result series(String base, Scenarios.Clinic clinic, Duration warmUp, Duration measure, long pid)
            throws Exception {
        var lanes = new ArrayList<Map<String, Object>>();
        for (int c = 0; c < clinic.clinicians().size(); c++) {
            for (int d = 28; d < 35; d++) {
                LocalDate day = clinic.firstDay().plusDays(d);
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (int s = 0; s < 16; s++) {
                    lanes.add(Map.of(
                            "clinician_id", clinic.clinicians().get(c),
                            "location_id", clinic.locations().get(c % 2),
                            "start_time",
                                    day.atTime(9, 0)
                                            .plusMinutes(30L * s)
                                            .atZone(LONDON)
                                            .toOffsetDateTime()
                                            .toString()));
                }
            }
        }
        Collections.shuffle(lanes, new Random(13));
        var next = new AtomicInteger();
        var booked = new AtomicInteger();
        var series = new AtomicInteger();
        var result = Load.run("series 12 weeks", 16, warmUp, measure, pid, c -> {
            var body = new java.util.HashMap<String, Object>(lanes.get(next.getAndIncrement() % lanes.size()));
            body.put("patient_id", clinic.randomPatient());
            body.put("appointment_type_id", clinic.thirtyMinutes());
            body.put("recurrence", Map.of("frequency", "weekly", "count", 12));
            body.put("on_conflict", "skip");
            var answer =
                    Load.send("POST", base + "/v1/appointment-series", clinic.key(), JSON.writeValueAsString(body));
            if (answer.statusCode() == 201) {
                series.incrementAndGet();
                booked.addAndGet(JSON.readTree(answer.body())
                        .get("data")
                        .get("occurrences")
                        .size());
            }
            return answer.statusCode();
        });
        System.out.printf(
                "series booked (warm-up included): %d with %d occurrences, %.1f each%n",
                series.get(), booked.get(), booked.get() / Math.max(1.0, series.get()));
        return result;
    }

    /**
     * 16 clients hold and confirm a place, for a random patient, in one of 50 one-hour classes of 200 places in
     * weeks 13 to 16 (a class type made for the run).
     */
    static Load.Result seat(String base, Scenarios.Clinic clinic, Duration warmUp, Duration measure, long pid)
            throws Exception {
        var created = Load.send(
                "POST",
                base + "/v1/appointment-types",
                clinic.key(),
                JSON.writeValueAsString(Map.of(
                        "name", "Class " + System.nanoTime(),
                        "duration_minutes", 60,
                        "capacity", 200,
                        "max_advance_days", 120)));
        String type = JSON.readTree(created.body()).get("data").get("id").stringValue();
        var classes = new ArrayList<Scenarios.Clinic.Slot>();
        LocalDate from = clinic.firstDay().plusDays(84);
        for (int week = 0; week < 4; week++) {
            var answer = Load.send(
                    "GET",
                    base + "/v1/availability?appointment_type_id=" + type + "&start_date=" + from.plusDays(7L * week)
                            + "&end_date=" + from.plusDays(7L * week + 6),
                    clinic.key(),
                    null);
            for (JsonNode slot : JSON.readTree(answer.body()).get("data")) {
                classes.add(new Scenarios.Clinic.Slot(
                        slot.get("clinician_id").stringValue(),
                        slot.get("location_id").stringValue(),
                        slot.get("start_time").stringValue()));
            }
        }
        Collections.shuffle(classes, new Random(17));
        List<Scenarios.Clinic.Slot> fifty = List.copyOf(classes.subList(0, 50));
        return Load.run(
                "class seat",
                16,
                warmUp,
                measure,
                pid,
                c -> Scenarios.holdAndConfirm(
                        base,
                        clinic,
                        type,
                        fifty.get(ThreadLocalRandom.current().nextInt(fifty.size()))));
    }
}
