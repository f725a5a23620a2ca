package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests as integrators write them, each shaped like the vendor guide it comes from (the seeds), translated to
 * Carebook's names only where the names differ.
 */
class SeedRequestsTest extends ApiTest {

    private Clinic clinic;
    private String doctor;

    @BeforeEach
    void clinic() {
        clinic = Clinic.in(newOrganization(), "Europe/London");
        doctor = clinic.clinician("Dr Ada Byron");
    }

    /**
     * Seed 000 holds the slot the client chose by copying its fields: for a video slot its {@code location_id} is
     * null and it sends no {@code is_remote}. That is a hold of remote time.
     */
    @Test
    void aHoldOfARemoteSlotCopiedWithItsNullLocationIsRemote() {
        clinic.everyDay(doctor, "09:00", "12:00", "location_id", null, "is_remote", true, "timezone", "Europe/London");
        String video = clinic.type("name", "Video consultation", "modes", List.of("remote"));
        var body = new HashMap<String, Object>(Map.of(
                "appointment_type_id", video, "clinician_id", doctor, "date", "2027-01-12", "start_time", "09:00"));
        body.put("location_id", null);

        var hold = Clinic.expect(clinic.api.post("/v1/holds", body), 201).data();

        assertThat(hold.get("is_remote").booleanValue()).isTrue();
        assertThat(hold.get("location_id").isNull()).isTrue();
        assertThat(hold.get("start_time").stringValue()).isEqualTo("2027-01-12T09:00:00Z");
        body.put("is_remote", false);
        assertThat(clinic.api.post("/v1/holds", body).error().get("details").findValuesAsString("field"))
                .containsExactly("location_id");
    }

    /** Seed 003 changes how an appointment is paid for, and who attends it, after it is booked. */
    @Test
    void aChangeSetsPaymentInsuranceAndAttendee() {
        clinic.everyDay(doctor, "09:00", "12:00");
        String type = clinic.type();
        String id = Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-01-12T09:00:00Z"), 201)
                .id();

        var changed = Clinic.expect(
                        clinic.api.patch(
                                "/v1/appointments/" + id,
                                Map.of(
                                        "payment_mode", "insurance",
                                        "insurance", Map.of("payer", "Bupa", "member_id", "BU-1234"),
                                        "attendee_name", "Sam Parent",
                                        "attendee_email", "sam@example.com",
                                        "attendee_phone", "+44 20 7946 0011")),
                        200)
                .data();

        assertThat(changed.get("payment_mode").stringValue()).isEqualTo("insurance");
        assertThat(changed.get("insurance").get("payer").stringValue()).isEqualTo("Bupa");
        assertThat(changed.get("insurance").get("member_id").stringValue()).isEqualTo("BU-1234");
        assertThat(changed.get("attendee_name").stringValue()).isEqualTo("Sam Parent");
        assertThat(changed.get("attendee_phone").stringValue()).isEqualTo("+442079460011");
        assertThat(changed.get("start_time").stringValue()).isEqualTo("2027-01-12T09:00:00Z");
        assertThat(clinic.api
                        .patch("/v1/appointments/" + id, Map.of("attendee_email", "not an address"))
                        .status())
                .isEqualTo(422);
    }

    /**
     * Seed 002 books on a schedule for a patient whose insurance is on file, after checking by hand that the
     * schedule takes it; Carebook checks it too, as when a hold is confirmed.
     */
    @Test
    void aBookingOnAScheduleIsRefusedInsuranceTheScheduleDoesNotTake() {
        String schedule = clinic.everyDay(doctor, "09:00", "12:00", "accepted_insurance_payers", List.of("Aetna"));
        String type = clinic.type();
        String bupa = clinic.patient("insurance", Map.of("payer", "Bupa", "member_id", "BU-1"));
        String aetna = clinic.patient("insurance", Map.of("payer", "Aetna", "member_id", "AE-1"));

        var refused = clinic.api.post(
                "/v1/appointments",
                Map.of(
                        "schedule_id", schedule,
                        "patient_id", bupa,
                        "appointment_type_id", type,
                        "start_time", "2027-01-12T09:00:00.000Z",
                        "duration_minutes", 30));
        var booked = clinic.api.post(
                "/v1/appointments",
                Map.of(
                        "schedule_id", schedule,
                        "patient_id", aetna,
                        "appointment_type_id", type,
                        "start_time", "2027-01-12T09:00:00.000Z",
                        "duration_minutes", 30));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.reason()).isEqualTo("insurance_not_accepted");
        assertThat(booked.status()).isEqualTo(201);
    }

    /**
     * Seed 004 sends a scheduled time without an offset, meaning the office's clock: read in the location's zone
     * (GMT in January, BST in July), and refused with a clear 422 when no location says which zone.
     */
    @Test
    void aLocalStartIsReadInTheLocationsZoneAndRefusedWithoutALocation() {
        clinic.everyDay(doctor, "09:00", "17:00");
        String type = clinic.type();
        String patient = clinic.patient();

        var winter = Clinic.expect(book(type, patient, "2027-01-21T14:00", clinic.locationId), 201)
                .data();
        var summer = Clinic.expect(book(type, patient, "2027-07-21T14:00", clinic.locationId), 201)
                .data();
        var nowhere = book(type, patient, "2027-01-22T14:00", null);

        assertThat(winter.get("start_time").stringValue()).isEqualTo("2027-01-21T14:00:00Z");
        assertThat(summer.get("start_time").stringValue()).isEqualTo("2027-07-21T14:00:00+01:00");
        assertThat(summer.get("end_time").stringValue()).isEqualTo("2027-07-21T14:30:00+01:00");
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.error().get("details").get(0).get("issue").stringValue())
                .contains("needs an offset");
    }

    private org.carebook.support.Api.Response book(String type, String patient, String local, String location) {
        var body = new HashMap<String, Object>(Map.of(
                "clinician_id",
                doctor,
                "patient_id",
                patient,
                "appointment_type_id",
                type,
                "start_time",
                local,
                "duration_minutes",
                30));
        if (location != null) {
            body.put("location_id", location);
        } else {
            body.put("is_remote", true);
        }
        return clinic.api.post("/v1/appointments", body);
    }
}
