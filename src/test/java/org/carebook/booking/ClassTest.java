package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Race;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Classes over HTTP: each booking takes one seat of the session at that time, never more than it has however many
 * book at once; the session, not each seat, takes the clinician and the room; availability counts the places.
 */
class ClassTest extends ApiTest {

    private static final String DAY = "2027-03-16";
    private static final String SIX_PM = DAY + "T18:00:00Z";

    private Clinic clinic;
    private String teacher;
    private String pilates;
    private String studio;

    private void studio(int capacity) {
        clinic = Clinic.in(newOrganization(), "Europe/London");
        studio = clinic.room("Studio");
        teacher = clinic.clinician("Jo Pilates");
        clinic.everyDay(teacher, "09:00", "20:00");
        pilates = clinic.type("name", "Pilates", "duration_minutes", 60, "capacity", capacity, "requires_room", true);
    }

    private Api.Response seat(String patient, String start) {
        return clinic.book(pilates, teacher, patient, start);
    }

    /** The offered slot at that instant (London is on GMT in March before the clocks change), or null. */
    private JsonNode slotAt(String start) {
        for (JsonNode slot : clinic.availability(pilates, DAY, DAY).data()) {
            if (java.time.OffsetDateTime.parse(slot.get("start_time").stringValue())
                    .toInstant()
                    .equals(java.time.Instant.parse(start))) {
                return slot;
            }
        }
        return null;
    }

    private int count(String sql, String value) {
        return jdbc.sql(sql).param(value).query(Integer.class).single();
    }

    @Test
    void fiftyAtOnceForTenPlacesGiveExactlyTen() {
        studio(10);
        for (int round = 0; round < 3; round++) {
            String start = DAY + "T1" + round + ":00:00Z";
            var patients = new ArrayList<String>();
            for (int i = 0; i < 50; i++) {
                patients.add(clinic.patient("first_name", "P" + round + "x" + i));
            }

            var outcomes = Race.run(50, client -> seat(patients.get(client), start));

            assertThat(outcomes.stream().filter(r -> r.status() == 201))
                    .as("round %d", round)
                    .hasSize(10);
            assertThat(outcomes.stream().filter(r -> r.status() != 201))
                    .allSatisfy(r -> assertThat(r.reason()).isEqualTo("session_full"));
            String session = outcomes.stream()
                    .filter(r -> r.status() == 201)
                    .findFirst()
                    .orElseThrow()
                    .data()
                    .get("session_id")
                    .stringValue();
            assertThat(outcomes.stream()
                            .filter(r -> r.status() == 201)
                            .map(r -> r.data().get("session_id").stringValue())
                            .distinct())
                    .containsExactly(session);
            assertThat(count("SELECT count(*) FROM appointments WHERE session_id = ?", session))
                    .isEqualTo(10);
            assertThat(count(
                            "SELECT count(*) FROM session_seats WHERE session_id = ? AND holder_id IS NOT NULL",
                            session))
                    .isEqualTo(10);
        }
    }

    @Test
    void theSessionTakesTheClinicianAndTheRoomOnceForAllItsSeats() {
        studio(12);
        for (int i = 0; i < 10; i++) {
            Clinic.expect(seat(clinic.patient(), SIX_PM), 201);
        }

        assertThat(count(
                        "SELECT count(*) FROM blocking_intervals WHERE clinician_id = ? AND NOT seat AND room_id IS NOT NULL",
                        teacher))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM blocking_intervals WHERE clinician_id = ? AND seat", teacher))
                .isEqualTo(10);
        String oneToOne = clinic.type("name", "Assessment", "requires_room", true);
        assertThat(clinic.book(oneToOne, teacher, clinic.patient(), SIX_PM).reason())
                .as("the teacher is taken")
                .isEqualTo("slot_taken");
        String colleague = clinic.clinician("Sam Other");
        assertThat(clinic.book(oneToOne, colleague, clinic.patient(), SIX_PM).reason())
                .as("the only room is taken")
                .isEqualTo("slot_taken");
        String regular = clinic.patient();
        Clinic.expect(seat(regular, SIX_PM), 201);
        assertThat(seat(regular, SIX_PM).reason()).as("one seat per patient").isEqualTo("patient_conflict");
    }

    @Test
    void availabilityCountsThePlacesAndStopsOfferingAFullClass() {
        studio(3);
        assertThat(slotAt(SIX_PM).get("capacity").intValue()).isEqualTo(3);
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(3);

        String first = Clinic.expect(seat(clinic.patient(), SIX_PM), 201).id();
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(2);
        assertThat(slotAt(DAY + "T18:30:00Z"))
                .as("no other start overlaps the class")
                .isNull();

        Clinic.expect(seat(clinic.patient(), SIX_PM), 201);
        Clinic.expect(seat(clinic.patient(), SIX_PM), 201);
        assertThat(slotAt(SIX_PM)).as("full").isNull();
        assertThat(seat(clinic.patient(), SIX_PM).reason()).isEqualTo("session_full");

        Clinic.expect(clinic.api.post("/v1/appointments/" + first + "/cancel", Map.of()), 200);
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(1);
    }

    @Test
    void aHoldKeepsAPlaceUntilItIsReleasedOrConfirmed() {
        studio(2);
        var held = Clinic.expect(clinic.hold(clinic.org.publishable(), pilates, teacher, SIX_PM), 201);
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(1);

        Clinic.expect(clinic.api.delete("/v1/holds/" + held.id()), 200);
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(2);

        var again = Clinic.expect(clinic.hold(clinic.org.publishable(), pilates, teacher, SIX_PM), 201);
        var booked = Clinic.expect(
                        clinic.api.post("/v1/holds/" + again.id() + "/confirm", Map.of("patient_id", clinic.patient())),
                        201)
                .data();
        assertThat(booked.get("session_id").stringValue()).startsWith("ses_");
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(1);
        var session = clinic.api
                .get("/v1/group-sessions/" + booked.get("session_id").stringValue())
                .data();
        assertThat(session.get("attendees").findValuesAsString("appointment_id"))
                .containsExactly(booked.get("id").stringValue());
        assertThat(session.get("seats_left").intValue()).isEqualTo(1);
    }

    @Test
    void cancellingTheSessionCancelsEverySeatAndFreesTheTeacher() {
        studio(10);
        var seats = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            seats.add(Clinic.expect(seat(clinic.patient(), SIX_PM), 201).id());
        }
        String session = clinic.api
                .get("/v1/appointments/" + seats.get(0))
                .data()
                .get("session_id")
                .stringValue();

        var cancelled = Clinic.expect(clinic.api.post("/v1/group-sessions/" + session + "/cancel", null), 200)
                .data();

        assertThat(cancelled.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(cancelled.get("attendees").findValuesAsString("status")).containsOnly("cancelled");
        assertThat(clinic.api.get("/v1/events?type=appointment.cancelled").data())
                .hasSize(3);
        String oneToOne = clinic.type("name", "Assessment");
        Clinic.expect(clinic.book(oneToOne, teacher, clinic.patient(), SIX_PM), 201);
        assertThat(clinic.api
                        .post("/v1/group-sessions/" + session + "/cancel", null)
                        .reason())
                .isEqualTo("invalid_state");
    }

    @Test
    void aPlaceMovesAloneToAnotherSessionAndTheLastOneGoneDissolvesTheFirst() {
        studio(10);
        String stays = Clinic.expect(seat(clinic.patient(), SIX_PM), 201).id();
        var mover = Clinic.expect(seat(clinic.patient(), SIX_PM), 201).data();
        String id = mover.get("id").stringValue();
        String evening = mover.get("session_id").stringValue();

        var moved = Clinic.expect(
                        clinic.api.patch("/v1/appointments/" + id, Map.of("start_time", DAY + "T16:00:00Z")), 200)
                .data();

        assertThat(moved.get("session_id").stringValue()).isNotEqualTo(evening);
        assertThat(slotAt(DAY + "T16:00:00Z").get("seats_left").intValue()).isEqualTo(9);
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(9);
        assertThat(clinic.api
                        .get("/v1/group-sessions/" + evening)
                        .data()
                        .get("attendees")
                        .findValuesAsString("appointment_id"))
                .containsExactly(stays);

        Clinic.expect(clinic.api.post("/v1/appointments/" + stays + "/cancel", Map.of()), 200);
        assertThat(clinic.api
                        .get("/v1/group-sessions/" + evening)
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("dissolved");
        Clinic.expect(clinic.book(clinic.type("name", "Assessment"), teacher, clinic.patient(), SIX_PM), 201);
    }

    @Test
    void aSeriesTakesASeatInEachWeeksClassAndSkipsAFullOne() {
        studio(1 + 1);
        String nextWeek = "2027-03-23T18:00:00Z";
        Clinic.expect(seat(clinic.patient(), nextWeek), 201);
        Clinic.expect(seat(clinic.patient(), nextWeek), 201);

        var series = Clinic.expect(
                        clinic.api.post(
                                "/v1/appointment-series",
                                Map.of(
                                        "patient_id",
                                        clinic.patient(),
                                        "appointment_type_id",
                                        pilates,
                                        "clinician_id",
                                        teacher,
                                        "location_id",
                                        clinic.locationId,
                                        "start_time",
                                        SIX_PM,
                                        "recurrence",
                                        Map.of("frequency", "weekly", "count", 3),
                                        "on_conflict",
                                        "skip")),
                        201)
                .data();

        assertThat(series.get("occurrences")).hasSize(2);
        assertThat(series.get("skipped").findValuesAsString("reason")).containsExactly("full");
        String first = series.get("occurrences").get(0).get("appointment_id").stringValue();
        assertThat(clinic.api
                        .get("/v1/appointments/" + first)
                        .data()
                        .get("session_id")
                        .stringValue())
                .startsWith("ses_");
    }

    @Test
    void sessionsToComeFollowTheTypesCapacityButNeverBelowThePlacesTaken() {
        studio(3);
        Clinic.expect(seat(clinic.patient(), SIX_PM), 201);
        Clinic.expect(seat(clinic.patient(), SIX_PM), 201);

        var refused = clinic.api.patch("/v1/appointment-types/" + pilates, Map.of("capacity", 1));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error().get("details").findValuesAsString("field")).containsExactly("capacity");

        Clinic.expect(clinic.api.patch("/v1/appointment-types/" + pilates, Map.of("capacity", 5)), 200);
        assertThat(slotAt(SIX_PM).get("capacity").intValue()).isEqualTo(5);
        assertThat(slotAt(SIX_PM).get("seats_left").intValue()).isEqualTo(3);

        Clinic.expect(clinic.api.patch("/v1/appointment-types/" + pilates, Map.of("capacity", 2)), 200);
        assertThat(slotAt(SIX_PM)).as("full at two").isNull();
        assertThat(seat(clinic.patient(), SIX_PM).reason()).isEqualTo("session_full");
        assertThat(count(
                        "SELECT count(*) FROM session_seats s JOIN group_sessions g ON g.id = s.session_id"
                                + " WHERE g.clinician_id = ?",
                        teacher))
                .isEqualTo(2);
    }

    @Test
    void aCapacityIsAtLeastOne() {
        studio(2);
        var refused =
                clinic.api.post("/v1/appointment-types", org.carebook.support.Fixtures.appointmentType("capacity", 0));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error().get("details").findValuesAsString("field")).containsExactly("capacity");
        assertThat(clinic.api
                        .get("/v1/appointment-types/" + pilates)
                        .data()
                        .get("capacity")
                        .intValue())
                .isEqualTo(2);
    }
}
