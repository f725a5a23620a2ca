package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;

class AppointmentTest extends ApiTest {

    private static final String TEN = "2027-01-12T10:00:00Z";

    @Test
    void staffBookOutsideHoursButNeverOverAnotherBooking() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type();
        var booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), TEN), 201);

        assertThat(booked.data().get("status").stringValue()).isEqualTo("confirmed");
        assertThat(booked.data().get("end_time").stringValue()).isEqualTo("2027-01-12T10:30:00Z");
        var clash = clinic.book(type, doctor, clinic.patient("first_name", "Omar"), "2027-01-12T10:15:00Z");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.reason()).isEqualTo("slot_taken");
        assertThat(clinic.book(
                                type,
                                doctor,
                                clinic.patient("first_name", "Omar"),
                                "2027-01-12T10:15:00Z",
                                "allow_overlapping",
                                true)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aPatientCannotBeInTwoPlacesButClinicianClashIsReportedFirst() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var ada = clinic.clinician("Dr Ada");
        var bo = clinic.clinician("Dr Bo");
        var type = clinic.type();
        var patient = clinic.patient();
        Clinic.expect(clinic.book(type, ada, patient, TEN), 201);

        assertThat(clinic.book(type, bo, patient, "2027-01-12T10:10:00Z").reason())
                .isEqualTo("patient_conflict");
        assertThat(clinic.book(type, ada, patient, "2027-01-12T10:10:00Z").reason())
                .isEqualTo("slot_taken");
        assertThat(clinic.book(type, bo, patient, "2027-01-12T10:30:00Z").status())
                .isEqualTo(201);
    }

    @Test
    void buffersKeepTimeFreeAroundAppointments() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "12:00");
        var type = clinic.type("buffer_after_minutes", 15);
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), TEN), 201);

        assertThat(clinic.starts(type, "2027-01-12", "2027-01-12"))
                .containsExactly("2027-01-12T09:00:00Z", "2027-01-12T11:00:00Z", "2027-01-12T11:30:00Z");
        assertThat(clinic.book(type, doctor, clinic.patient("first_name", "Omar"), "2027-01-12T10:40:00Z")
                        .reason())
                .isEqualTo("slot_taken");
    }

    @Test
    void reschedulingOverlappingItsOwnTimeWorksAndIntoATakenTimeDoesNot() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type();
        var booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), TEN), 201);
        Clinic.expect(clinic.book(type, doctor, clinic.patient("first_name", "Omar"), "2027-01-12T11:00:00Z"), 201);

        var moved = Clinic.expect(
                clinic.api.patch("/v1/appointments/" + booked.id(), Map.of("start_time", "2027-01-12T10:15:00Z")), 200);
        assertThat(moved.data().get("end_time").stringValue()).isEqualTo("2027-01-12T10:45:00Z");
        assertThat(clinic.api
                        .patch("/v1/appointments/" + booked.id(), Map.of("start_time", "2027-01-12T10:45:00Z"))
                        .reason())
                .isEqualTo("slot_taken");
        assertThat(clinic.api
                        .get("/v1/appointments/" + booked.id())
                        .data()
                        .get("start_time")
                        .stringValue())
                .isEqualTo("2027-01-12T10:15:00Z");
        assertThat(clinic.book(type, doctor, clinic.patient("first_name", "Li"), TEN)
                        .reason())
                .isEqualTo("slot_taken");
        assertThat(clinic.book(type, doctor, clinic.patient("first_name", "Li"), "2027-01-12T09:45:00Z")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void cancellingFreesTheTimeAndIsIdempotent() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type();
        var booked = Clinic.expect(clinic.book(type, doctor, clinic.patient(), TEN), 201);

        var cancelled = Clinic.expect(
                clinic.api.post(
                        "/v1/appointments/" + booked.id() + "/cancel",
                        Map.of("reason", "Feeling better", "cancelled_by", "patient")),
                200);
        var again = Clinic.expect(clinic.api.post("/v1/appointments/" + booked.id() + "/cancel", Map.of()), 200);

        assertThat(cancelled.data().get("status").stringValue()).isEqualTo("cancelled");
        assertThat(again.data().get("cancelled_by").stringValue()).isEqualTo("patient");
        assertThat(clinic.book(type, doctor, clinic.patient("first_name", "Omar"), TEN)
                        .status())
                .isEqualTo(201);
        assertThat(clinic.api
                        .post("/v1/appointments/" + booked.id() + "/check-in", Map.of())
                        .reason())
                .isEqualTo("invalid_state");
    }

    @Test
    void theStatusMachineAllowsOnlyItsMoves() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type();
        var id = Clinic.expect(clinic.book(type, doctor, clinic.patient(), TEN, "status", "pending"), 201)
                .id();
        String path = "/v1/appointments/" + id;

        assertThat(clinic.api.post(path + "/complete", Map.of()).reason()).isEqualTo("invalid_state");
        assertThat(clinic.api
                        .post(path + "/confirm", Map.of())
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("confirmed");
        var checkedIn = clinic.api.post(path + "/check-in", Map.of()).data();
        assertThat(checkedIn.get("status").stringValue()).isEqualTo("checked_in");
        assertThat(checkedIn.get("checked_in_at").isNull()).isFalse();
        assertThat(clinic.api
                        .patch(path, Map.of("start_time", "2027-01-12T11:00:00Z"))
                        .reason())
                .isEqualTo("invalid_state");
        assertThat(clinic.api.post(path + "/no-show", Map.of()).reason()).isEqualTo("invalid_state");
        assertThat(clinic.api
                        .post(path + "/complete", Map.of())
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("completed");
        assertThat(clinic.api.post(path + "/cancel", Map.of()).reason()).isEqualTo("invalid_state");
    }

    @Test
    void listsFilterByExternalIdStatusAndDate() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type();
        var synced = Clinic.expect(
                        clinic.book(type, doctor, clinic.patient(), TEN, "external_ids", Map.of("drchrono", "A-17")),
                        201)
                .id();
        Clinic.expect(clinic.book(type, doctor, clinic.patient("first_name", "Omar"), "2027-01-13T10:00:00Z"), 201);

        var bySync =
                clinic.api.get("/v1/appointments?external_id=drchrono:A-17").data();
        var byDay = clinic.api
                .get("/v1/appointments?start_date=2027-01-13&end_date=2027-01-13")
                .data();
        var pending = clinic.api.get("/v1/appointments?status=pending").data();

        assertThat(bySync).hasSize(1);
        assertThat(bySync.get(0).get("id").stringValue()).isEqualTo(synced);
        assertThat(byDay).hasSize(1);
        assertThat(pending).isEmpty();
        assertThat(clinic.api.get("/v1/appointments?external_id=nocolon").status())
                .isEqualTo(422);
        assertThat(clinic.api.get("/v1/appointments?status=booked").status()).isEqualTo(422);
    }

    @Test
    void badBookingsNameEveryFieldAndStoreNothing() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var type = clinic.type();

        var bad = clinic.api.post(
                "/v1/appointments",
                Map.of(
                        "appointment_type_id",
                        type,
                        "clinician_id",
                        "clin_nope",
                        "patient_id",
                        "pat_nope",
                        "start_time",
                        "12/01/2027 10:00",
                        "location_id",
                        clinic.locationId));

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.error().get("details").toString()).contains("clinician_id", "patient_id", "start_time");
        assertThat(clinic.api.get("/v1/appointments").data()).isEmpty();
    }

    @Test
    void anAppointmentDownloadsAsACalendarFile() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        var type = clinic.type("name", "Check-up; with, commas");
        var id = Clinic.expect(clinic.book(type, doctor, clinic.patient(), TEN), 201)
                .id();

        var ics = clinic.api.get("/v1/appointments/" + id + "/ics");

        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.text())
                .contains(
                        "BEGIN:VCALENDAR",
                        "DTSTART:20270112T100000Z",
                        "DTEND:20270112T103000Z",
                        "UID:" + id + "@carebook",
                        "SUMMARY:Check-up\\; with\\, commas with Dr Ada",
                        "\r\n");
    }
}
