package org.carebook.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Eventually;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Availability read through a real streaming standby (ADR 0014) that applies what it receives a second late,
 * so that right after a booking it still shows the time free: the answer must never reach the caller.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandbyReadTest {

    private static final String DAY = "2027-03-03";

    private static StreamingPair pair;
    private static ServerProcess server;
    private static Clinic clinic;

    @BeforeAll
    static void startAPrimaryAStandbyAndAServerReadingFromIt() throws Exception {
        pair = StreamingPair.start(new StreamingPair.Replication(Duration.ofSeconds(1), false));
        Path data = Path.of("target", "replica", UUID.randomUUID().toString());
        Files.createDirectories(data);
        server = new ServerProcess(
                data.resolve("unused"),
                "DATABASE_URL=" + pair.primaryUrl(),
                "carebook.read-database-url=" + pair.standbyUrl(),
                // every answer computed afresh: the standby's, or the primary's when the standby is behind
                "carebook.availability-cache-mb=0",
                "carebook.rate-limit-per-second=100000",
                "carebook.rate-limit-per-ip-per-second=100000");
        server.start(data.resolve("server.log"));
        clinic =
                Clinic.in(ApiTest.organization(new Api(server.base(), ApiTest.ADMIN_TOKEN), "Standby"), "Europe/Paris");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    @Order(1)
    void aBookingIsNeverOfferedAgainByAStandbyThatHasNotReplayedIt() throws Exception {
        String doctor = workingEveryDay("Dr Lag");
        String type = clinic.type();
        Eventually.until(
                () -> !starts(type, doctor).isEmpty() && count("used") > 0,
                Duration.ofSeconds(30),
                "the standby has replayed the clinic and answers");

        for (int round = 0; round < 10; round++) {
            var offered = starts(type, doctor);
            String start = offered.get(round % offered.size());
            Clinic.expect(clinic.book(type, doctor, clinic.patient(), start), 201);

            assertThat(starts(type, doctor))
                    .as("round %d: right after the booking, the standby a second behind", round)
                    .doesNotContain(start);
        }
        assertThat(count("behind"))
                .as("answers of the standby refused as behind")
                .isGreaterThanOrEqualTo(10);

        String last = starts(type, doctor).get(0);
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), last), 201);
        double used = count("used");
        Eventually.until(
                () -> !starts(type, doctor).contains(last) && count("used") > used,
                Duration.ofSeconds(30),
                "the standby answers again once it has replayed the booking");
    }

    @Test
    @Order(2)
    void aFhirSlotBookedThroughTheApiIsBusyAtOnceThoughTheStandbyIsBehind() throws Exception {
        String doctor = workingEveryDay("Dr Grid");
        String type = clinic.type();
        double behind = count("behind");

        for (int round = 0; round < 5; round++) {
            String start = starts(type, doctor).get(0);
            Clinic.expect(clinic.book(type, doctor, clinic.patient(), start), 201);

            assertThat(busySlots(doctor))
                    .as("round %d: FHIR's Slots right after the booking", round)
                    .contains(Instant.parse(start));
        }
        assertThat(count("behind"))
                .as("answers of the standby refused as behind")
                .isGreaterThan(behind);
    }

    @Test
    @Order(3)
    void aStandbyThatIsDownLeavesItsReadsToThePrimary() throws Exception {
        String doctor = workingEveryDay("Dr Alone");
        String type = clinic.type();
        pair.stopStandby();

        var offered = starts(type, doctor);
        assertThat(offered).isNotEmpty();
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), offered.get(0)), 201);
        assertThat(starts(type, doctor)).doesNotContain(offered.get(0));
        assertThat(count("unavailable")).isPositive();
    }

    /** The starts of the clinician's busy FHIR Slots on the test's day. */
    private static List<Instant> busySlots(String doctor) {
        var bundle = clinic.api
                .get("/fhir/r4/Slot?schedule.actor=Practitioner/" + doctor.replaceFirst("_", "-") + "&start=ge" + DAY
                        + "&start=lt" + LocalDate.parse(DAY).plusDays(1) + "&status=busy")
                .json();
        var starts = new ArrayList<Instant>();
        bundle.path("entry")
                .forEach(entry -> starts.add(
                        Instant.parse(entry.path("resource").path("start").stringValue())));
        return starts;
    }

    private static String workingEveryDay(String name) {
        String doctor = clinic.clinician(name);
        clinic.everyDay(doctor, "08:00", "18:00");
        return doctor;
    }

    private static List<String> starts(String type, String doctor) {
        return clinic.starts(type, DAY, DAY, "clinician_id=" + doctor);
    }

    /** How many answers the standby gave ({@code used}), or left to the primary ({@code behind}, {@code unavailable}). */
    private static double count(String result) {
        return new Api(server.base(), null)
                .get("/actuator/prometheus")
                .text()
                .lines()
                .filter(l ->
                        l.startsWith("carebook_availability_standby_total") && l.contains("result=\"" + result + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
