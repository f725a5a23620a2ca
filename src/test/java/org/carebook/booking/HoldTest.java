package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

class HoldTest extends ApiTest {

    private static final String DAY = "2027-01-12";

    @Test
    void aHoldForAnyClinicianGoesToTheLeastBookedThatDayAndTiesTakeTurns() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String ada = clinic.clinician("Dr Ada");
        String bo = clinic.clinician("Dr Bo");
        List.of(ada, bo).forEach(d -> clinic.everyDay(d, "09:00", "12:00"));
        String type = clinic.type();
        Clinic.expect(clinic.book(type, ada, clinic.patient(), "2027-01-12T09:00:00Z"), 201);

        var first = Clinic.expect(clinic.holdAnyClinician(clinic.api, type, "2027-01-12T10:00:00Z"), 201);
        var second = Clinic.expect(clinic.holdAnyClinician(clinic.api, type, "2027-01-12T10:30:00Z"), 201);

        assertThat(first.data().get("clinician_id").stringValue()).isEqualTo(bo); // Ada had one already
        assertThat(second.data().get("clinician_id").stringValue()).isEqualTo(ada); // one each: Ada's turn
    }

    @Test
    void aHoldForAnyClinicianIsRefusedLikeAnyOtherWhenNobodyIsFreeOrTheTimeIsNotOffered() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        String ada = clinic.clinician("Dr Ada");
        clinic.everyDay(ada, "09:00", "12:00");
        String type = clinic.type();
        Clinic.expect(clinic.book(type, ada, clinic.patient(), "2027-01-12T11:00:00Z"), 201);

        var taken = clinic.holdAnyClinician(clinic.api, type, "2027-01-12T11:00:00Z");
        var closed = clinic.holdAnyClinician(clinic.api, type, "2027-01-12T08:00:00Z");
        var blank = clinic.api.post(
                "/v1/holds",
                Map.of(
                        "appointment_type_id",
                        type,
                        "clinician_id",
                        "",
                        "location_id",
                        clinic.locationId,
                        "start_time",
                        "2027-01-12T10:00:00Z"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.reason()).isEqualTo("slot_taken");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.reason()).isEqualTo("slot_unavailable");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.error().get("details").get(0).get("field").stringValue())
                .isEqualTo("clinician_id");
    }

    @Test
    void availabilityOffersEveryIntervalOfTheBlockInTheLocationsOffset() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "10:30");
        var type = clinic.type("duration_minutes", 30, "slot_interval_minutes", 20);

        assertThat(clinic.starts(type, DAY, DAY))
                .containsExactly(
                        "2027-01-12T09:00:00Z", "2027-01-12T09:20:00Z", "2027-01-12T09:40:00Z", "2027-01-12T10:00:00Z");
    }

    @Test
    void heldSlotIsTakenUntilReleased() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "10:00");
        var type = clinic.type();

        var hold = Clinic.expect(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:00:00Z"), 201);
        assertThat(hold.data().get("status").stringValue()).isEqualTo("active");
        assertThat(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:00:00Z").reason())
                .isEqualTo("slot_taken");
        assertThat(clinic.starts(type, DAY, DAY)).containsExactly("2027-01-12T09:30:00Z");

        var released = clinic.api.delete("/v1/holds/" + hold.id());
        assertThat(released.data().get("status").stringValue()).isEqualTo("released");
        assertThat(clinic.starts(type, DAY, DAY)).hasSize(2);
        assertThat(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:00:00Z").status())
                .isEqualTo(201);
    }

    @Test
    void timesAvailabilityWouldNotOfferAreUnavailable() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "10:00");
        var type = clinic.type();

        assertThat(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:10:00Z").reason())
                .isEqualTo("slot_unavailable");
        assertThat(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:45:00Z").reason())
                .isEqualTo("slot_unavailable");
        assertThat(clinic.hold(clinic.api, type, doctor, "2020-01-13T09:00:00Z").reason())
                .isEqualTo("slot_unavailable");
        assertThat(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:00:00").reason())
                .isEqualTo("invalid_field");
    }

    @Test
    void confirmingTurnsTheHoldIntoAnAppointmentOnce() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "10:00");
        var type = clinic.type();
        var hold = Clinic.expect(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:00:00Z"), 201);
        var patient = clinic.patient();

        var first = Clinic.expect(
                clinic.api.post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient_id", patient)), 201);
        var again = Clinic.expect(
                clinic.api.post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient_id", patient)), 200);

        assertThat(first.data().get("status").stringValue()).isEqualTo("confirmed");
        assertThat(first.data().get("hold_id").stringValue()).isEqualTo(hold.id());
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(clinic.api
                        .get("/v1/holds/" + hold.id())
                        .data()
                        .get("appointment_id")
                        .stringValue())
                .isEqualTo(first.id());
        assertThat(clinic.api.delete("/v1/holds/" + hold.id()).reason()).isEqualTo("invalid_state");
        assertThat(clinic.starts(type, DAY, DAY)).containsExactly("2027-01-12T09:30:00Z");
    }

    @Test
    void releasedOrUnknownHoldCannotBeConfirmed() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "10:00");
        var type = clinic.type();
        var hold = Clinic.expect(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:00:00Z"), 201);
        clinic.api.delete("/v1/holds/" + hold.id());
        var patient = clinic.patient();

        assertThat(clinic.api
                        .post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient_id", patient))
                        .reason())
                .isEqualTo("hold_expired");
        assertThat(clinic.api
                        .post("/v1/holds/hold_nope/confirm", Map.of("patient_id", patient))
                        .reason())
                .isEqualTo("hold_expired");
    }

    @Test
    void browserConfirmsWithInlineDetailsAndLearnsNothingAboutThePatient() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "11:00");
        var type = clinic.type();
        var existing = clinic.patient("email", "trisha@example.com");
        var inline = Map.of(
                "first_name",
                "Trisha",
                "last_name",
                "Pandit",
                "date_of_birth",
                "1994-12-22",
                "email",
                "Trisha@Example.com");

        var hold = Clinic.expect(clinic.hold(org.publishable(), type, doctor, "2027-01-12T09:00:00Z"), 201);
        var confirmed = Clinic.expect(
                org.publishable().post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient", inline)), 201);

        assertThat(confirmed.data().has("patient_id")).isFalse();
        assertThat(confirmed.data().has("attendee_email")).isFalse();
        var booked = clinic.api.get("/v1/appointments/" + confirmed.id());
        assertThat(booked.data().get("patient_id").stringValue()).isEqualTo(existing);
        assertThat(booked.data().get("source").stringValue()).isEqualTo("widget");
        assertThat(org.publishable()
                        .post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient_id", existing))
                        .reason())
                .isEqualTo("missing_scope");
    }

    @Test
    void aBrowserMayKeepThreeHoldsAtOnce() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "12:00");
        var type = clinic.type();

        for (String time : List.of("09:00", "09:30", "10:00")) {
            Clinic.expect(clinic.hold(org.publishable(), type, doctor, "2027-01-12T" + time + ":00Z"), 201);
        }
        var fourth = clinic.hold(org.publishable(), type, doctor, "2027-01-12T10:30:00Z");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.reason()).isEqualTo("too_many_holds");
        assertThat(clinic.hold(clinic.api, type, doctor, "2027-01-12T10:30:00Z").status())
                .isEqualTo(201);
    }

    @Test
    void insuranceTheScheduleDoesNotTakeIsRefused() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "10:00", "accepted_insurance_payers", List.of("Bupa"));
        var type = clinic.type();
        var hold = Clinic.expect(clinic.hold(clinic.api, type, doctor, "2027-01-12T09:00:00Z"), 201);
        var patient = clinic.patient();

        var refused = clinic.api.post(
                "/v1/holds/" + hold.id() + "/confirm",
                Map.of("patient_id", patient, "insurance", Map.of("payer", "AXA", "member_id", "1")));
        assertThat(refused.reason()).isEqualTo("insurance_not_accepted");
        assertThat(clinic.starts(type, DAY, DAY, "insurance_payer=AXA")).isEmpty();
        assertThat(clinic.starts(type, DAY, DAY, "insurance_payer=bupa")).hasSize(1);
        assertThat(clinic.api
                        .post(
                                "/v1/holds/" + hold.id() + "/confirm",
                                Map.of("patient_id", patient, "insurance", Map.of("payer", "Bupa")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void roomsArePooledForTypesThatNeedOne() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var rooms = List.of(clinic.room("Room 1"), clinic.room("Room 2"));
        var doctors = List.of(clinic.clinician("Dr A"), clinic.clinician("Dr B"), clinic.clinician("Dr C"));
        doctors.forEach(d -> clinic.everyDay(d, "09:00", "09:30"));
        var type = clinic.type("requires_room", true);

        var first = Clinic.expect(clinic.hold(clinic.api, type, doctors.get(0), "2027-01-12T09:00:00Z"), 201);
        var second = Clinic.expect(clinic.hold(clinic.api, type, doctors.get(1), "2027-01-12T09:00:00Z"), 201);

        assertThat(List.of(
                        first.data().get("room_id").stringValue(),
                        second.data().get("room_id").stringValue()))
                .containsExactlyInAnyOrderElementsOf(rooms);
        assertThat(clinic.starts(type, DAY, DAY)).isEmpty();
        assertThat(clinic.hold(clinic.api, type, doctors.get(2), "2027-01-12T09:00:00Z")
                        .reason())
                .isEqualTo("slot_taken");
    }

    @Test
    void badAvailabilityQueriesNameEveryProblem() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var type = clinic.type();

        var missing = clinic.api.get("/v1/availability");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.error().get("details").toString()).contains("appointment_type_id", "start_date", "end_date");
        assertThat(clinic.availability(type, "2027-01-12", "2027-01-11").status())
                .isEqualTo(422);
        assertThat(clinic.availability(type, "2027-01-01", "2027-02-01").status())
                .isEqualTo(422);
        assertThat(clinic.availability(type, "2027-01-01", "2027-01-31").status())
                .isEqualTo(200);
        assertThat(clinic.availability("type_nope", "2027-01-01", "2027-01-02").status())
                .isEqualTo(422);
        assertThat(clinic.availability(type, "2027-02-30", "2027-03-01").status())
                .isEqualTo(422);
    }
}
