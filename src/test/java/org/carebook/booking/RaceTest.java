package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Race;
import org.junit.jupiter.api.RepeatedTest;

/** Real concurrent HTTP requests against the exclusion constraints; each race runs several times. */
class RaceTest extends ApiTest {

    private static final int CLIENTS = 50;
    private static final Instant TEN = Instant.parse("2027-01-12T10:00:00Z");

    @RepeatedTest(5)
    void fiftyHoldsOnOneSlotGiveOneHold() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "12:00");
        var type = clinic.type();

        var results = Race.run(CLIENTS, i -> clinic.hold(clinic.api, type, doctor, TEN.toString()));

        assertOneWinner(results, 201);
        assertThat(results)
                .filteredOn(r -> r.status() == 409)
                .allMatch(r -> r.reason().equals("slot_taken"));
    }

    @RepeatedTest(5)
    void fiftyOverlappingAppointmentsWithStaggeredStartsGiveOne() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type("duration_minutes", 60);
        var patients = patients(clinic);

        var results = Race.run(
                CLIENTS,
                i -> clinic.book(
                        type,
                        doctor,
                        patients.get(i),
                        TEN.plus(i, ChronoUnit.MINUTES).toString()));

        assertOneWinner(results, 201);
        assertThat(results)
                .filteredOn(r -> r.status() == 409)
                .allMatch(r -> r.reason().equals("slot_taken"));
        assertThat(clinic.api.get("/v1/appointments?clinician_id=" + doctor).data())
                .hasSize(1);
    }

    @RepeatedTest(5)
    void fiftyHoldsForAnyClinicianGiveEachFreeClinicianOnceAndNeverTwice() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctors = List.of(clinic.clinician("Dr Ada"), clinic.clinician("Dr Bo"), clinic.clinician("Dr Cy"));
        doctors.forEach(d -> clinic.everyDay(d, "09:00", "12:00"));
        var type = clinic.type();

        var results = Race.run(CLIENTS, i -> clinic.holdAnyClinician(clinic.api, type, TEN.toString()));

        var won = results.stream().filter(r -> r.status() == 201).toList();
        assertThat(won.stream().map(r -> r.data().get("clinician_id").stringValue()))
                .containsExactlyInAnyOrderElementsOf(doctors);
        assertThat(results)
                .filteredOn(r -> r.status() != 201)
                .allMatch(r -> r.status() == 409 && r.reason().equals("slot_taken"));
    }

    @RepeatedTest(5)
    void oneRoomSharedByTwoCliniciansGoesToOne() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        clinic.room("The only room");
        var doctors = List.of(clinic.clinician("Dr Ada"), clinic.clinician("Dr Bo"));
        doctors.forEach(d -> clinic.everyDay(d, "09:00", "12:00"));
        var type = clinic.type("requires_room", true);

        var results = Race.run(CLIENTS, i -> clinic.hold(clinic.api, type, doctors.get(i % 2), TEN.toString()));

        assertOneWinner(results, 201);
    }

    @RepeatedTest(5)
    void twoReschedulesIntoOneFreeSlotGiveOne() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type();
        var early = Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-01-12T09:00:00Z"), 201)
                .id();
        var late = Clinic.expect(
                        clinic.book(type, doctor, clinic.patient("first_name", "Omar"), "2027-01-12T11:00:00Z"), 201)
                .id();
        var ids = List.of(early, late);

        var results = Race.run(
                2, i -> clinic.api.patch("/v1/appointments/" + ids.get(i), Map.of("start_time", TEN.toString())));

        assertOneWinner(results, 200);
        assertThat(clinic.api
                        .get("/v1/appointments?start_date=2027-01-12&end_date=2027-01-12")
                        .data())
                .filteredOn(a -> a.get("start_time").stringValue().equals("2027-01-12T10:00:00Z"))
                .hasSize(1);
    }

    @RepeatedTest(5)
    void fiftyRequestsWithOneIdempotencyKeyMakeOneAppointment() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type();
        var patient = clinic.patient();
        var body = Map.of(
                "appointment_type_id",
                type,
                "clinician_id",
                doctor,
                "location_id",
                clinic.locationId,
                "patient_id",
                patient,
                "start_time",
                TEN.toString());
        var keyed = clinic.api.with("Idempotency-Key", "book-" + System.nanoTime());

        var results = Race.run(CLIENTS, i -> keyed.post("/v1/appointments", body));

        assertThat(results)
                .allMatch(r ->
                        r.status() == 201 || (r.status() == 409 && r.reason().equals("idempotency_key_in_use")));
        assertThat(results)
                .filteredOn(r -> r.status() == 201)
                .extracting(Api.Response::id)
                .containsOnly(results.stream()
                        .filter(r -> r.status() == 201)
                        .findFirst()
                        .orElseThrow()
                        .id());
        assertThat(clinic.api.get("/v1/appointments").data()).hasSize(1);
    }

    private static List<String> patients(Clinic clinic) {
        return IntStream.range(0, CLIENTS)
                .mapToObj(i -> clinic.patient("first_name", "Patient" + i))
                .toList();
    }

    private static void assertOneWinner(List<Api.Response> results, int winning) {
        assertThat(results).filteredOn(r -> r.status() == winning).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() != winning).allMatch(r -> r.status() == 409);
    }
}
