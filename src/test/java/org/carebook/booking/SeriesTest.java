package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Race;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Courses of care over HTTP: a series keeps its clock time across the end of British Summer Time, is all or
 * nothing by default, skips what it must when asked, loses races as a whole, and is cancelled from an occurrence
 * on without touching the ones before.
 */
class SeriesTest extends ApiTest {

    /** A Tuesday of 2027 five weeks before British Summer Time ends (31 October). */
    private static final String FIRST = "2027-09-28T10:00:00+01:00";

    private Clinic clinic;
    private String doctor;
    private String type;

    private void londonPractice() {
        var practice = Clinic.practice(newOrganization());
        clinic = practice.clinic();
        doctor = practice.doctor();
        type = practice.type();
    }

    private Map<String, Object> weekly(String patientId, int count, Object... overrides) {
        var body = new HashMap<String, Object>(Map.of(
                "patient_id", patientId,
                "appointment_type_id", type,
                "clinician_id", doctor,
                "location_id", clinic.locationId,
                "start_time", FIRST,
                "recurrence", Map.of("frequency", "weekly", "count", count)));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    private Api.Response book(Map<String, Object> body) {
        return clinic.api.post("/v1/appointment-series", body);
    }

    private static List<String> starts(JsonNode series) {
        var starts = new ArrayList<String>();
        series.get("occurrences").forEach(o -> starts.add(o.get("start_time").stringValue()));
        return starts;
    }

    @Test
    void weeklyOccurrencesKeepTenOClockAcrossTheEndOfSummerTime() {
        londonPractice();

        var series = Clinic.expect(book(weekly(clinic.patient(), 12)), 201).data();

        assertThat(series.get("id").stringValue()).startsWith("ser_");
        assertThat(starts(series))
                .containsExactly(
                        "2027-09-28T10:00:00+01:00", "2027-10-05T10:00:00+01:00",
                        "2027-10-12T10:00:00+01:00", "2027-10-19T10:00:00+01:00",
                        "2027-10-26T10:00:00+01:00", "2027-11-02T10:00:00Z",
                        "2027-11-09T10:00:00Z", "2027-11-16T10:00:00Z",
                        "2027-11-23T10:00:00Z", "2027-11-30T10:00:00Z",
                        "2027-12-07T10:00:00Z", "2027-12-14T10:00:00Z");
        var sixth = series.get("occurrences").get(5);
        var appointment = clinic.api
                .get("/v1/appointments/" + sixth.get("appointment_id").stringValue())
                .data();
        assertThat(appointment.get("series_id").stringValue())
                .isEqualTo(series.get("id").stringValue());
        assertThat(appointment.get("series_index").intValue()).isEqualTo(5);
        assertThat(appointment.get("end_time").stringValue()).isEqualTo("2027-11-02T10:30:00Z");
    }

    @Test
    void oneTakenDateRefusesTheWholeSeriesNamingThatDateAndBooksNothing() {
        londonPractice();
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-10-12T10:00:00+01:00"), 201);
        String patient = clinic.patient();

        var refused = book(weekly(patient, 12));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("series_conflict");
        var conflicts = refused.error().get("conflicts");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("date").stringValue()).isEqualTo("2027-10-12");
        assertThat(conflicts.get(0).get("index").intValue()).isEqualTo(2);
        assertThat(conflicts.get(0).get("start_time").stringValue()).isEqualTo("2027-10-12T10:00:00+01:00");
        assertThat(conflicts.get(0).get("reason").stringValue()).isEqualTo("taken");
        assertThat(refused.error().get("message").stringValue()).contains("2027-10-12 (taken)");
        assertThat(clinic.api.get("/v1/appointments?patient_id=" + patient).data())
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM appointment_series WHERE patient_id = ?")
                        .param(patient)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void skipBooksTheOtherElevenAndKeepsTheSkippedDate() {
        londonPractice();
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-10-12T10:00:00+01:00"), 201);
        String patient = clinic.patient();

        var series = Clinic.expect(book(weekly(patient, 12, "on_conflict", "skip")), 201)
                .data();

        assertThat(series.get("occurrences")).hasSize(11);
        assertThat(starts(series)).doesNotContain("2027-10-12T10:00:00+01:00");
        assertThat(series.get("skipped")).hasSize(1);
        assertThat(series.get("skipped").get(0).get("reason").stringValue()).isEqualTo("taken");
        assertThat(clinic.api.get("/v1/appointments?patient_id=" + patient).data())
                .hasSize(11);
        var again = clinic.api
                .get("/v1/appointment-series/" + series.get("id").stringValue())
                .data();
        assertThat(again.get("skipped").get(0).get("date").stringValue()).isEqualTo("2027-10-12");
        assertThat(again.get("on_conflict").stringValue()).isEqualTo("skip");
        assertThat(again.get("recurrence").get("frequency").stringValue()).isEqualTo("weekly");
    }

    @Test
    void eachDateSaysWhyItCannotBeBooked() {
        londonPractice();
        Clinic.expect(
                clinic.api.post(
                        "/v1/clinicians/" + doctor + "/time-off",
                        Map.of("start_time", "2027-10-05T00:00:00+01:00", "end_time", "2027-10-06T00:00:00+01:00")),
                201);
        String patient = clinic.patient();
        String colleague = clinic.clinician("Dr Other");
        Clinic.expect(clinic.book(type, colleague, patient, "2027-10-19T10:15:00+01:00"), 201);

        var refused = book(weekly(patient, 4, "start_time", "2027-09-28T16:45:00+01:00"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error().get("conflicts").findValuesAsString("reason"))
                .as("time off is named before hours where both apply")
                .containsExactly("outside_hours", "time_off", "outside_hours", "outside_hours");

        var tenOClock = book(weekly(patient, 4));
        assertThat(tenOClock.error().get("conflicts").findValuesAsString("reason"))
                .containsExactly("time_off", "patient_busy");
        assertThat(tenOClock.error().get("conflicts").findValuesAsString("date"))
                .containsExactly("2027-10-05", "2027-10-19");
    }

    @Test
    void datesPastTheTypesHorizonAreListed() {
        londonPractice();
        String shortHorizon = clinic.type("max_advance_days", 30);

        var refused = book(weekly(
                clinic.patient(),
                4,
                "appointment_type_id",
                shortHorizon,
                "start_time",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(20) + "T10:00:00Z"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error().get("conflicts").findValuesAsString("reason"))
                .containsExactly("past_horizon", "past_horizon");
    }

    @Test
    void aRuleReachingYearsAheadListsTheDatesPastTheHorizon() {
        londonPractice();

        var refused = book(
                weekly(clinic.patient(), 5, "recurrence", Map.of("frequency", "weekly", "interval", 52, "count", 5)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error().get("conflicts").findValuesAsString("reason"))
                .as("the type books 730 days ahead")
                .containsExactly("past_horizon", "past_horizon", "past_horizon");
    }

    @Test
    void twoSeriesRacingForTheSameTuesdaysNeverBothSucceed() {
        londonPractice();
        for (int round = 0; round < 20; round++) {
            doctor = clinic.clinician("Dr Race " + round);
            clinic.everyDay(doctor, "09:00", "17:00");
            var bodies = List.of(weekly(clinic.patient(), 6), weekly(clinic.patient(), 6));

            var outcomes = Race.run(2, client -> book(bodies.get(client)).status());

            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(201, 409);
            assertThat(jdbc.sql("SELECT count(*) FROM appointments WHERE clinician_id = ?")
                            .param(doctor)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(6);
        }
    }

    @Test
    void cancellingThisAndFollowingLeavesTheEarlierOccurrences() {
        londonPractice();
        var series = Clinic.expect(book(weekly(clinic.patient(), 6)), 201).data();
        String id = series.get("id").stringValue();
        String fourth = series.get("occurrences").get(3).get("appointment_id").stringValue();

        var changed = Clinic.expect(
                        clinic.api.post(
                                "/v1/appointment-series/" + id + "/cancel",
                                Map.of("from_appointment_id", fourth, "cancelled_by", "patient")),
                        200)
                .data();

        assertThat(changed.get("status").stringValue()).isEqualTo("active");
        assertThat(changed.get("occurrences").findValuesAsString("status"))
                .containsExactly("confirmed", "confirmed", "confirmed", "cancelled", "cancelled", "cancelled");
        assertThat(clinic.api
                        .get("/v1/appointments/" + fourth)
                        .data()
                        .get("cancelled_by")
                        .stringValue())
                .isEqualTo("patient");

        var ended = Clinic.expect(clinic.api.post("/v1/appointment-series/" + id + "/cancel", null), 200)
                .data();
        assertThat(ended.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(ended.get("occurrences").findValuesAsString("status")).containsOnly("cancelled");
        assertThat(clinic.api
                        .post("/v1/appointment-series/" + id + "/cancel", null)
                        .reason())
                .isEqualTo("invalid_state");
        assertThat(clinic.api.get("/v1/events?type=appointment_series.changed").data())
                .hasSize(1);
        assertThat(clinic.api
                        .get("/v1/events?type=appointment_series.cancelled")
                        .data())
                .hasSize(1);
        assertThat(clinic.api.get("/v1/events?type=appointment.cancelled").data())
                .hasSize(6);
    }

    @Test
    void movingThisAndFollowingToThursdayAfternoonsIsAllOrNothing() {
        londonPractice();
        var series = Clinic.expect(book(weekly(clinic.patient(), 6)), 201).data();
        String id = series.get("id").stringValue();
        String third = series.get("occurrences").get(2).get("appointment_id").stringValue();
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-10-28T14:00:00+01:00"), 201);

        var refused = clinic.api.post(
                "/v1/appointment-series/" + id + "/move",
                Map.of("from_appointment_id", third, "start_time", "2027-10-14T14:00:00+01:00"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error().get("conflicts").findValuesAsString("date")).containsExactly("2027-10-28");
        assertThat(starts(clinic.api.get("/v1/appointment-series/" + id).data()))
                .as("nothing moved")
                .isEqualTo(starts(series));

        var moved = Clinic.expect(
                        clinic.api.post(
                                "/v1/appointment-series/" + id + "/move",
                                Map.of("from_appointment_id", third, "start_time", "2027-10-14T15:00:00+01:00")),
                        200)
                .data();

        assertThat(starts(moved))
                .containsExactly(
                        "2027-09-28T10:00:00+01:00", "2027-10-05T10:00:00+01:00",
                        "2027-10-14T15:00:00+01:00", "2027-10-21T15:00:00+01:00",
                        "2027-10-28T15:00:00+01:00", "2027-11-04T15:00:00Z");
        assertThat(clinic.api.get("/v1/events?type=appointment.rescheduled").data())
                .hasSize(4);
    }

    @Test
    void movingOnePlaceLaterDoesNotCollideWithItsOwnNextOccurrence() {
        londonPractice();
        var series = Clinic.expect(book(weekly(clinic.patient(), 3)), 201).data();
        String first = series.get("occurrences").get(0).get("appointment_id").stringValue();

        var moved = Clinic.expect(
                        clinic.api.post(
                                "/v1/appointment-series/" + series.get("id").stringValue() + "/move",
                                Map.of("from_appointment_id", first, "start_time", "2027-10-05T10:00:00+01:00")),
                        200)
                .data();

        assertThat(starts(moved))
                .containsExactly("2027-10-05T10:00:00+01:00", "2027-10-12T10:00:00+01:00", "2027-10-19T10:00:00+01:00");
        String id = series.get("id").stringValue();
        Clinic.expect(
                clinic.api.post("/v1/appointment-series/" + id + "/cancel", Map.of("from_appointment_id", first)), 200);
        assertThat(clinic.api
                        .post(
                                "/v1/appointment-series/" + id + "/move",
                                Map.of("from_appointment_id", first, "start_time", "2027-10-06T10:00:00+01:00"))
                        .reason())
                .as("nothing left to move")
                .isEqualTo("invalid_state");
    }

    @Test
    void badRulesAreRefusedAndBookNothing() {
        londonPractice();
        String patient = clinic.patient();

        assertThat(problems(book(weekly(patient, 53)))).containsExactly("recurrence.count");
        assertThat(problems(book(weekly(
                        patient,
                        3,
                        "recurrence",
                        Map.of("frequency", "daily", "count", 3, "by_day", List.of("tuesday"))))))
                .containsExactly("recurrence.by_day");
        assertThat(problems(
                        book(weekly(patient, 3, "recurrence", Map.of("frequency", "weekly", "until", "2027-09-01")))))
                .containsExactly("recurrence.until");
        assertThat(problems(
                        book(weekly(patient, 3, "recurrence", Map.of("frequency", "weekly", "until", "2028-12-31")))))
                .containsExactly("recurrence");
        assertThat(problems(book(weekly(
                        patient,
                        3,
                        "recurrence",
                        Map.of("frequency", "weekly", "count", 3, "by_day", List.of("tuesday", "someday"))))))
                .containsExactly("recurrence.by_day");
        assertThat(problems(book(weekly(
                        patient, 3, "recurrence", Map.of("frequency", "weekly", "count", 3, "until", "2027-12-01")))))
                .containsExactly("recurrence.count");
        assertThat(problems(book(weekly(patient, 3, "on_conflict", "maybe")))).containsExactly("on_conflict");
        assertThat(clinic.api.get("/v1/appointments?patient_id=" + patient).data())
                .isEmpty();
    }

    @Test
    void aBrowsersKeyCannotBookASeries() {
        londonPractice();

        var refused = clinic.org.publishable().post("/v1/appointment-series", weekly(clinic.patient(), 3));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("missing_scope");
    }

    private static List<String> problems(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.error().get("details").findValuesAsString("field");
    }
}
