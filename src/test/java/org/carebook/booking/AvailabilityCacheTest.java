package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Cached availability answers are reused, and never outlive a write or the moment time changes them. */
@Import(MutableClock.Configuration.class)
class AvailabilityCacheTest extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    private Clinic clinic;
    private String doctor;
    private String type;

    @BeforeEach
    void clinic() {
        clinic = Clinic.in(newOrganization(), "Europe/London");
        doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "00:00", "23:30");
        type = clinic.type("min_notice_minutes", 60);
    }

    @Test
    void theSameQueryAgainIsAnsweredFromTheCache() {
        double before = hits();
        for (int i = 0; i < 4; i++) {
            assertThat(starts("2027-01-12")).hasSize(47);
        }
        assertThat(hits() - before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBookingRetiresTheCachedAnswer() {
        var first = starts("2027-01-12");
        starts("2027-01-12");

        Clinic.expect(clinic.book(type, doctor, clinic.patient(), first.get(0)), 201);

        assertThat(starts("2027-01-12")).doesNotContain(first.get(0)).hasSize(first.size() - 1);
    }

    @Test
    void aCancelledAppointmentsTimeIsOfferedAgainAtOnce() {
        var offered = starts("2027-01-12");
        String booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), offered.get(0)), 201)
                .id();
        assertThat(starts("2027-01-12")).doesNotContain(offered.get(0));
        assertThat(starts("2027-01-12")).doesNotContain(offered.get(0));

        Clinic.expect(clinic.api.post("/v1/appointments/" + booked + "/cancel", Map.of()), 200);

        assertThat(starts("2027-01-12")).contains(offered.get(0));
    }

    @Test
    void aMovedAppointmentFreesItsOldTimeAndTakesTheNewAtOnce() {
        var offered = starts("2027-01-12");
        String booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), offered.get(0)), 201)
                .id();
        starts("2027-01-12");
        assertThat(starts("2027-01-12")).doesNotContain(offered.get(0)).contains(offered.get(4));

        Clinic.expect(clinic.api.patch("/v1/appointments/" + booked, Map.of("start_time", offered.get(4))), 200);

        assertThat(starts("2027-01-12")).contains(offered.get(0)).doesNotContain(offered.get(4));
    }

    @Test
    void aBookingOfAnotherClinicianOrAPatientAddedLeavesTheAnswerCached() {
        String other = clinic.clinician("Dr Bo");
        clinic.everyDay(other, "00:00", "23:30");
        var offered = starts("2027-01-12", "clinician_id=" + doctor);
        double before = hits();

        Clinic.expect(clinic.book(type, other, clinic.patient(), offered.get(0)), 201);

        assertThat(starts("2027-01-12", "clinician_id=" + doctor)).isEqualTo(offered);
        assertThat(hits() - before).as("served from the cache").isEqualTo(1);
    }

    /**
     * The race the snapshot closes: a booking in flight when the answer is computed is invisible to it, while a
     * later one has already committed; the first commits after. A version number ("the newest change seen")
     * would not tell: the newest change was seen. The answer must not be served once the first has committed.
     */
    @Test
    void aBookingCommittingAfterTheAnswerWasComputedRetiresIt() throws Exception {
        // Asked without the filter, so the filtered answer is first computed while the booking is in flight.
        var offered = starts("2027-01-12");
        try (var first = dataSource.getConnection();
                var second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            block(first, Instant.parse(offered.get(0)));
            block(second, Instant.parse(offered.get(6)));
            assertThat(starts("2027-01-12", "clinician_id=" + doctor))
                    .contains(offered.get(0))
                    .doesNotContain(offered.get(6));
            double before = hits();
            assertThat(starts("2027-01-12", "clinician_id=" + doctor)).contains(offered.get(0));
            assertThat(hits() - before)
                    .as("cached while the first booking is in flight")
                    .isEqualTo(1);

            first.commit();
        }

        assertThat(starts("2027-01-12", "clinician_id=" + doctor)).doesNotContain(offered.get(0));
    }

    /** Half an hour of the doctor's time taken, as the booking core would, straight through SQL. */
    private void block(java.sql.Connection connection, Instant start) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO blocking_intervals (owner_id, clinician_id, blocked, attended, exclusive)
                VALUES ('apt_' || md5(random()::text), ?, tstzrange(?, ?), tstzrange(?, ?), true)""")) {
            var from = start.atOffset(ZoneOffset.UTC);
            var to = from.plusMinutes(30);
            insert.setString(1, doctor);
            insert.setObject(2, from);
            insert.setObject(3, to);
            insert.setObject(4, from);
            insert.setObject(5, to);
            insert.executeUpdate();
        }
    }

    @Test
    void aClosedDayRetiresTheCachedAnswer() {
        String schedule = clinic.api
                .get("/v1/schedules?clinician_id=" + doctor)
                .data()
                .get(0)
                .get("id")
                .stringValue();
        assertThat(starts("2027-01-12")).isNotEmpty();

        clinic.api.put("/v1/schedules/" + schedule + "/exceptions/2027-01-12", Map.of("hours", List.of()));

        assertThat(starts("2027-01-12")).isEmpty();
    }

    /**
     * Nothing the answer depends on is written between caching and asking again: only time moves. (A hold
     * expiring is covered by {@link HoldExpiryTest}.)
     */
    @Test
    void aStartFallingWithinTheNoticeLeavesTheAnswerWithoutAnyWrite() {
        String tomorrow =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).toString();
        var offered = starts(tomorrow);
        Instant first = Instant.parse(offered.get(0));
        clock.advance(Duration.between(clock.instant(), first).minusMinutes(60).minusSeconds(30));
        clinic.api.get("/v1/organization");
        double hitsBefore = hits();
        assertThat(starts(tomorrow)).contains(offered.get(0));
        assertThat(starts(tomorrow)).contains(offered.get(0));
        assertThat(hits()).as("served from the cache").isGreaterThan(hitsBefore);

        clock.advance(Duration.ofSeconds(45));

        assertThat(starts(tomorrow)).doesNotContain(offered.get(0)).contains(offered.get(1));
    }

    private List<String> starts(String date, String... query) {
        return clinic.starts(type, date, date, query);
    }

    private double hits() {
        return anonymous()
                .get("/actuator/prometheus")
                .text()
                .lines()
                .filter(l -> l.startsWith("carebook_availability_cache_total") && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
