package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carebook.support.Clinic.expect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Manage links and the clinic's rules for changes, through the HTTP API on the real server: what a link may
 * reach, cancelling and moving within the notice periods, and the limit of upcoming bookings per patient.
 */
class SelfServiceTest extends ApiTest {

    static final String PHONE = "+44 20 7946 0000";

    private Clinic clinic;
    private String doctor;
    private String type;
    private String patient;

    @BeforeEach
    void clinic() {
        clinic = Clinic.in(newOrganization(), "Europe/London");
        doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "00:00", "23:30");
        type = clinic.type("name", "General consultation");
        patient = clinic.patient("email", "grace@example.com");
        expect(clinic.api.patch("/v1/organization", Map.of("phone", PHONE)), 200);
    }

    @Test
    void aLinkReachesItsOwnAppointmentAndNothingElse() {
        String id = book(daysAhead(5, "10:00"));
        Api link = link(id);

        var shown = expect(link.get("/v1/self-service/appointment"), 200).data();
        assertThat(shown.get("id").stringValue()).isEqualTo(id);
        assertThat(shown.get("service").stringValue()).isEqualTo("General consultation");
        assertThat(shown.get("clinician").stringValue()).isEqualTo("Dr Ada Byron");
        assertThat(shown.get("can_cancel").booleanValue()).isTrue();
        assertThat(shown.has("patient_id")).isFalse();

        assertThat(link.get("/v1/appointments/" + id).status()).isEqualTo(403);
        assertThat(link.get("/v1/patients/" + patient).status()).isEqualTo(403);
        assertThat(link.get("/v1/appointment-types").status()).isEqualTo(403);
        assertThat(clinic.api.get("/v1/self-service/appointment").status()).isEqualTo(403);
        assertThat(clinic.org.publishable().get("/v1/self-service/appointment").status())
                .isEqualTo(403);

        var audited =
                clinic.api.get("/v1/audit-events?resource_type=appointment").data();
        assertThat(audited)
                .anySatisfy(entry ->
                        assertThat(entry.get("actor").get("kind").stringValue()).isEqualTo("patient"));
    }

    @Test
    void aTamperedRevokedOrRetiredLinkIsRefused() {
        String id = book(daysAhead(5, "10:00"));
        String token = token(id);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(as(tampered).get("/v1/self-service/appointment").status()).isEqualTo(401);
        assertThat(as("cbm_nonsense").get("/v1/self-service/appointment").status())
                .isEqualTo(401);

        var rotated = expect(admin().post("/admin/v1/manage-link-keys", Map.of()), 201)
                .data();
        assertThat(as(token).get("/v1/self-service/appointment").status())
                .as("a link signed before the rotation still works")
                .isEqualTo(200);
        String oldKey = token.split("\\.")[1];
        assertThat(rotated.get("id").stringValue()).isNotEqualTo(oldKey);
        expect(admin().delete("/admin/v1/manage-link-keys/" + oldKey), 204);
        assertThat(as(token).get("/v1/self-service/appointment").status()).isEqualTo(401);

        String fresh = token(id);
        assertThat(fresh).contains(rotated.get("id").stringValue());
        assertThat(as(fresh).get("/v1/self-service/appointment").status()).isEqualTo(200);
        expect(clinic.api.delete("/v1/appointments/" + id + "/manage-link"), 204);
        assertThat(as(fresh).get("/v1/self-service/appointment").status()).isEqualTo(401);
        assertThat(token(id)).as("a new link after a revocation").isNotEqualTo(fresh);
    }

    @Test
    void aLinkEndsWhenItsAppointmentHasEnded() {
        String id = book(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS));
        assertThat(as(token(id)).get("/v1/self-service/appointment").status()).isEqualTo(401);
    }

    @Test
    void aCancelInsideTheNoticePeriodIsRefusedThroughTheLinkAndMarkedLateFromASecretKey() {
        expect(clinic.api.patch("/v1/organization", Map.of("cancel_notice_hours", 48)), 200);
        String id = book(Instant.now().plus(26, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS));
        Api link = link(id);
        assertThat(link.get("/v1/self-service/appointment")
                        .data()
                        .get("can_cancel")
                        .booleanValue())
                .isFalse();

        var refused = link.post("/v1/self-service/appointment/cancel", Map.of("reason", "Feeling better"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("notice_period_passed");
        assertThat(refused.error().get("message").stringValue()).contains(PHONE);
        assertThat(clinic.api.get("/v1/appointments/" + id).data().get("status").stringValue())
                .isEqualTo("confirmed");

        var cancelled = expect(clinic.api.post("/v1/appointments/" + id + "/cancel", Map.of()), 200)
                .data();
        assertThat(cancelled.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(cancelled.get("late_cancellation").booleanValue()).isTrue();
    }

    @Test
    void aTypesOwnNoticePeriodOverridesTheOrganizations() {
        expect(clinic.api.patch("/v1/organization", Map.of("cancel_notice_hours", 48)), 200);
        expect(clinic.api.patch("/v1/appointment-types/" + type, Map.of("cancel_notice_hours", 2)), 200);
        String id = book(Instant.now().plus(26, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS));

        var cancelled = expect(
                        link(id).post("/v1/self-service/appointment/cancel", Map.of("reason", "Feeling better")), 200)
                .data();
        assertThat(cancelled.get("status").stringValue()).isEqualTo("cancelled");
        var stored = clinic.api.get("/v1/appointments/" + id).data();
        assertThat(stored.get("cancelled_by").stringValue()).isEqualTo("patient");
        assertThat(stored.get("cancellation_reason").stringValue()).isEqualTo("Feeling better");
        assertThat(stored.get("late_cancellation").booleanValue()).isFalse();
    }

    @Test
    void aRescheduleThroughTheLinkMovesInOneStepAndCountsTowardsTheLimit() {
        expect(clinic.api.patch("/v1/organization", Map.of("max_reschedules", 1)), 200);
        String old = daysAhead(5, "10:00");
        String id = book(old);
        Api link = link(id);
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(6).toString();
        var offered = link.get("/v1/self-service/appointment/availability?start_date=" + day + "&end_date=" + day)
                .data();
        assertThat(offered)
                .allSatisfy(slot ->
                        assertThat(slot.get("clinician_id").stringValue()).isEqualTo(doctor));
        String next = daysAhead(6, "11:00");

        var hold = expect(link.post("/v1/self-service/appointment/holds", Map.of("start_time", next)), 201);
        var moved = expect(link.post("/v1/self-service/appointment/reschedule", Map.of("hold_id", hold.id())), 200)
                .data();
        assertThat(Instant.parse(moved.get("start_time").stringValue())).isEqualTo(Instant.parse(next));
        assertThat(moved.get("reschedules_left").intValue()).isZero();
        var confirmedAgain = clinic.api.post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient_id", patient));
        assertThat(confirmedAgain.status())
                .as("a hold an appointment moved onto is already used")
                .isEqualTo(200);
        assertThat(confirmedAgain.id()).isEqualTo(id);
        assertThat(moved.get("can_reschedule").booleanValue()).isFalse();
        assertThat(clinic.offeredOnDayOf(type, doctor, old)).contains(Instant.parse(old));
        assertThat(clinic.offeredOnDayOf(type, doctor, next)).doesNotContain(Instant.parse(next));
        assertThat(clinic.api
                        .get("/v1/appointments/" + id)
                        .data()
                        .get("reschedule_count")
                        .intValue())
                .isEqualTo(1);
        var events = clinic.api.get("/v1/events?type=appointment.rescheduled").data();
        assertThat(events)
                .anySatisfy(event ->
                        assertThat(event.get("actor").get("kind").stringValue()).isEqualTo("patient"));

        var again = link.post("/v1/self-service/appointment/holds", Map.of("start_time", daysAhead(6, "12:00")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.reason()).isEqualTo("reschedule_limit_reached");
    }

    @Test
    void aLinkKeepsOneHoldAtATimeEachNewOneLetsThePreviousGo() {
        String id = book(daysAhead(5, "10:00"));
        Api link = link(id);

        var holds = new ArrayList<String>();
        for (int hour = 9; hour < 17; hour++) {
            holds.add(expect(
                            link.post(
                                    "/v1/self-service/appointment/holds",
                                    Map.of("start_time", daysAhead(6, hour + ":00"))),
                            201)
                    .id());
        }

        var active = jdbc.sql("SELECT id FROM holds WHERE manage_link_id IS NOT NULL AND clinician_id = :doctor"
                        + " AND status = 'active' AND expires_at > now()")
                .param("doctor", doctor)
                .query(String.class)
                .list();
        assertThat(active).containsExactly(holds.get(holds.size() - 1));
        assertThat(clinic.offeredOnDayOf(type, doctor, daysAhead(6, "09:00")))
                .as("the earlier holds' times are free again")
                .contains(Instant.parse(daysAhead(6, "09:00")), Instant.parse(daysAhead(6, "15:00")));
    }

    @Test
    void aCancelledAppointmentsLinkHoldsNothingMore() {
        String id = book(daysAhead(5, "10:00"));
        Api link = link(id);
        expect(link.post("/v1/self-service/appointment/cancel", Map.of()), 200);

        var again = link.post("/v1/self-service/appointment/holds", Map.of("start_time", daysAhead(6, "11:00")));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(clinic.offeredOnDayOf(type, doctor, daysAhead(6, "11:00")))
                .contains(Instant.parse(daysAhead(6, "11:00")));
    }

    @Test
    void aPatientsLinkHoldsCountInTheAddressCapWithTheWidgets() {
        Api link = link(book(daysAhead(5, "10:00")));
        for (String start : new String[] {"09:00", "10:00"}) {
            expect(clinic.hold(clinic.org.publishable(), type, doctor, daysAhead(7, start)), 201);
        }
        expect(link.post("/v1/self-service/appointment/holds", Map.of("start_time", daysAhead(6, "11:00"))), 201);

        var fourth = clinic.hold(clinic.org.publishable(), type, doctor, daysAhead(7, "12:00"));

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.reason()).isEqualTo("too_many_holds");
    }

    @Test
    void anExpiredHoldLeavesTheAppointmentWhereItWas() {
        String old = daysAhead(5, "10:00");
        String id = book(old);
        Api link = link(id);
        var hold = expect(
                link.post("/v1/self-service/appointment/holds", Map.of("start_time", daysAhead(6, "11:00"))), 201);
        jdbc.sql("UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", hold.id())
                .update();
        jdbc.sql("UPDATE blocking_intervals SET expires_at = now() - interval '1 second' WHERE owner_id = :id")
                .param("id", hold.id())
                .update();

        var refused = link.post("/v1/self-service/appointment/reschedule", Map.of("hold_id", hold.id()));
        assertThat(refused.status()).isEqualTo(404);
        var kept = clinic.api.get("/v1/appointments/" + id).data();
        assertThat(Instant.parse(kept.get("start_time").stringValue())).isEqualTo(Instant.parse(old));
        assertThat(clinic.offeredOnDayOf(type, doctor, old))
                .as("the old time is still taken")
                .doesNotContain(Instant.parse(old));
    }

    @Test
    void aFourthWidgetBookingIsRefusedAndASecretKeyMayOverrideTheLimit() {
        expect(clinic.api.patch("/v1/organization", Map.of("max_active_bookings_per_patient", 3)), 200);
        for (int day = 2; day <= 4; day++) {
            expect(widgetBooking(daysAhead(day, "10:00")), 201);
        }

        var fourth = widgetBooking(daysAhead(5, "10:00"));
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.reason()).isEqualTo("booking_limit_reached");
        assertThat(fourth.error().get("message").stringValue()).contains(PHONE);

        String known = widgetPatientId();
        var bySecretKey = clinic.book(type, doctor, known, daysAhead(6, "10:00"));
        assertThat(bySecretKey.reason()).isEqualTo("booking_limit_reached");
        var overridden = expect(
                        clinic.book(type, doctor, known, daysAhead(6, "10:00"), "override_booking_limit", true), 201)
                .data();
        assertThat(overridden.get("booking_limit_overridden").booleanValue()).isTrue();

        var hold = expect(clinic.hold(clinic.org.publishable(), type, doctor, daysAhead(7, "10:00")), 201);
        var browserOverride = clinic.org
                .publishable()
                .post(
                        "/v1/holds/" + hold.id() + "/confirm",
                        Map.of("patient", widgetPatient(), "override_booking_limit", true));
        assertThat(browserOverride.status()).isEqualTo(422);
    }

    /**
     * Ten bookings at once for a patient one short of the limit: exactly one gets through. The patient is named
     * by id, so nothing but the limit's own lock (not the lock on a new patient's identity) orders them.
     */
    @RepeatedTest(3)
    void concurrentBookingsCannotRaceThePatientPastTheLimit() throws Exception {
        expect(clinic.api.patch("/v1/organization", Map.of("max_active_bookings_per_patient", 3)), 200);
        expect(widgetBooking(daysAhead(2, "10:00")), 201);
        expect(widgetBooking(daysAhead(2, "11:00")), 201);
        var holds = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            // Placed by the clinic's key: a browser may hold only three times at once.
            holds.add(expect(clinic.hold(clinic.api, type, doctor, daysAhead(3, (10 + i) + ":00")), 201)
                    .id());
        }
        var confirms = new ArrayList<Callable<Integer>>();
        String known = widgetPatientId();
        for (String hold : holds) {
            confirms.add(() -> clinic.api
                    .post("/v1/holds/" + hold + "/confirm", Map.of("patient_id", known))
                    .status());
        }
        var pool = Executors.newFixedThreadPool(10);
        var statuses = new ArrayList<Integer>();
        try {
            for (var result : pool.invokeAll(confirms)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    }

    private Api.Response widgetBooking(String start) {
        var hold = expect(clinic.hold(clinic.org.publishable(), type, doctor, start), 201);
        return clinic.org.publishable().post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient", widgetPatient()));
    }

    private static Map<String, Object> widgetPatient() {
        return Map.of(
                "first_name",
                "Ada",
                "last_name",
                "Lovelace",
                "date_of_birth",
                "1985-12-10",
                "email",
                "ada@example.com");
    }

    private String widgetPatientId() {
        return clinic.api
                .get("/v1/appointments?clinician_id=" + doctor)
                .data()
                .get(0)
                .get("patient_id")
                .stringValue();
    }

    private String book(String start) {
        return expect(clinic.book(type, doctor, patient, start), 201).id();
    }

    private String book(Instant start) {
        return book(start.toString());
    }

    /** {@code days} from today at a UTC time (London is on GMT in winter; any day works for the rules). */
    private static String daysAhead(int days, String time) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days) + "T" + (time.length() == 4 ? "0" + time : time) + ":00Z";
    }

    private String token(String appointmentId) {
        String url = expect(clinic.api.post("/v1/appointments/" + appointmentId + "/manage-link", Map.of()), 200)
                .data()
                .get("url")
                .stringValue();
        assertThat(url).startsWith(base + "/manage#cbm_");
        return url.substring(url.indexOf('#') + 1);
    }

    private Api link(String appointmentId) {
        return as(token(appointmentId));
    }
}
