package org.carebook.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EventLogTest extends ApiTest {

    @Autowired
    EventLog events;

    @Test
    void everyChangeOfAnAppointmentIsAnEventWithItsPlaceInOrder() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "17:00");
        String type = clinic.type();
        String id = Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-01-12T09:00:00Z"), 201)
                .id();
        Clinic.expect(org.live().patch("/v1/appointments/" + id, Map.of("start_time", "2027-01-12T10:00:00Z")), 200);
        Clinic.expect(org.live().post("/v1/appointments/" + id + "/check-in", Map.of()), 200);

        var listed = org.live().get("/v1/events?type=").data();
        var appointmentEvents = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        listed.forEach(e -> {
            if (e.get("type").stringValue().startsWith("appointment.")) {
                appointmentEvents.add(e);
            }
        });
        assertThat(appointmentEvents)
                .extracting(e -> e.get("type").stringValue())
                .containsExactly("appointment.created", "appointment.rescheduled", "appointment.checked_in");
        assertThat(appointmentEvents)
                .extracting(e -> e.get("sequence").intValue())
                .containsExactly(1, 2, 3);
        var rescheduled = appointmentEvents.get(1).get("data").get("object");
        assertThat(rescheduled.get("id").stringValue()).isEqualTo(id);
        assertThat(rescheduled.get("start_time").stringValue()).isEqualTo("2027-01-12T10:00:00Z");
        assertThat(listed.get(0).get("type").stringValue()).isEqualTo("patient.created");
        assertThat(listed.get(0).has("sequence")).isFalse();
    }

    /**
     * A key with only read_events, and every webhook receiver, learn that an appointment changed and which fields,
     * never what was written in them: that is read from /v1/appointments/{id}, which is audited.
     */
    @Test
    void appointmentEventsCarryIdsTimesAndTheNamesOfChangedFieldsOnly() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "17:00");
        String type = clinic.type();
        String patient = clinic.patient();
        String id = Clinic.expect(
                        clinic.book(
                                type,
                                doctor,
                                patient,
                                "2027-01-12T09:00:00Z",
                                "notes",
                                "Allergic to penicillin",
                                "reason",
                                "Chest pain",
                                "title",
                                "Cardiology follow-up",
                                "attendee_name",
                                "Maria Attendee"),
                        201)
                .id();
        Clinic.expect(org.live().patch("/v1/appointments/" + id, Map.of("start_time", "2027-01-12T10:00:00Z")), 200);
        Clinic.expect(org.live().post("/v1/appointments/" + id + "/cancel", Map.of("reason", "Feels worse")), 200);
        var eventsOnly = keyWithScopes(org, "read_events");

        String everything = eventsOnly.get("/v1/events").text();

        assertThat(everything)
                .doesNotContain("penicillin", "Chest pain", "Cardiology", "Maria Attendee", "Feels worse");
        var objects = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        eventsOnly.get("/v1/events").data().forEach(e -> {
            if (e.get("type").stringValue().startsWith("appointment.")) {
                objects.add(e.get("data").get("object"));
            }
        });
        assertThat(objects).hasSize(3);
        assertThat(objects.get(0).propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "status",
                        "patient_id",
                        "appointment_type_id",
                        "clinician_id",
                        "location_id",
                        "room_id",
                        "is_remote",
                        "start_time",
                        "end_time",
                        "hold_id",
                        "source",
                        "referral",
                        "series_id",
                        "session_id",
                        "created_at",
                        "updated_at",
                        "changed");
        assertThat(objects.get(1).get("changed").valueStream().map(n -> n.stringValue()))
                .containsExactly("start_time", "end_time", "reschedule_count");
        assertThat(objects.get(2).get("changed").valueStream().map(n -> n.stringValue()))
                .contains("status", "cancelled_at", "cancellation_reason");

        Clinic.expect(org.live().get("/v1/appointments/" + id), 200);
        var reads = org.live()
                .get("/v1/audit-events?resource_type=appointment&resource_id=" + id)
                .data();
        assertThat(reads.valueStream().map(a -> a.get("action").stringValue())).contains("read");
    }

    @Test
    void aChangeThatFailsLeavesNoEvent() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Ada Byron");
        clinic.everyDay(doctor, "09:00", "17:00");
        String type = clinic.type();
        Clinic.expect(clinic.book(type, doctor, clinic.patient(), "2027-01-12T09:00:00Z"), 201);
        int before = org.live().get("/v1/events").data().size();

        var taken = org.live()
                .post(
                        "/v1/appointments",
                        Map.of(
                                "appointment_type_id",
                                type,
                                "clinician_id",
                                doctor,
                                "location_id",
                                clinic.locationId,
                                "start_time",
                                "2027-01-12T09:00:00Z",
                                "patient",
                                Fixtures.patient("first_name", "Someone", "last_name", "New")));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(org.live().get("/v1/events").data().size()).isEqualTo(before);
        assertThat(org.live().get("/v1/patients?search=Someone%20New").data()).isEmpty();
    }

    @Test
    void eventsAreFilteredByTypeAndTimeAndPagedByCursor() {
        var org = newOrganization();
        for (String name : List.of("Ann", "Bob", "Cy")) {
            org.live().post("/v1/patients", Fixtures.patient("first_name", name));
        }
        String patient = org.live()
                .post("/v1/patients", Fixtures.patient("first_name", "Di"))
                .id();
        org.live().patch("/v1/patients/" + patient, Map.of("phone", "+442079460001"));

        var firstPage = org.live().get("/v1/events?type=patient.created&limit=3");
        assertThat(firstPage.data()).hasSize(3);
        assertThat(firstPage.json().get("has_more").booleanValue()).isTrue();
        var secondPage = org.live()
                .get("/v1/events?type=patient.created&limit=3&cursor="
                        + firstPage.json().get("next_cursor").stringValue());
        assertThat(secondPage.data()).hasSize(1);
        assertThat(secondPage.data().get(0).get("data").get("object").get("id").stringValue())
                .isEqualTo(patient);

        var updated = org.live().get("/v1/events?type=patient.updated").data();
        assertThat(updated).hasSize(1);
        String at = updated.get(0).get("created_at").stringValue();
        assertThat(org.live().get("/v1/events?since=" + at).data()).hasSize(1);
        assertThat(newOrganization().live().get("/v1/events").data()).isEmpty();
    }

    @Test
    void patientEventsNameTheChangedFieldsButCarryNoPatientData() {
        var org = newOrganization();
        String patient = org.live()
                .post("/v1/patients", Fixtures.patient("email", "trisha@example.org"))
                .id();
        org.live().patch("/v1/patients/" + patient, Map.of("phone", "+442079460001", "first_name", "Trisha"));

        var created = org.live()
                .get("/v1/events?type=patient.created")
                .data()
                .get(0)
                .get("data")
                .get("object");
        var updated = org.live()
                .get("/v1/events?type=patient.updated")
                .data()
                .get(0)
                .get("data")
                .get("object");

        assertThat(created.get("id").stringValue()).isEqualTo(patient);
        assertThat(created.get("changed").valueStream().map(n -> n.stringValue()))
                .containsExactly("first_name", "last_name", "date_of_birth", "email");
        assertThat(updated.get("changed").valueStream().map(n -> n.stringValue()))
                .containsExactly("phone");
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "changed");
        String everything = org.live().get("/v1/events").text();
        assertThat(everything).doesNotContain("Trisha", "Pandit", "1994-12-22", "trisha@example.org", "2079460001");
    }

    @Test
    void badFiltersAreRefusedAndTheScopeIsNeeded() {
        var org = newOrganization();
        assertThat(org.live().get("/v1/events?type=appointment.teleported").status())
                .isEqualTo(422);
        assertThat(org.live().get("/v1/events?since=yesterday").status()).isEqualTo(422);
        assertThat(keyWithScopes(org, "read_patients").get("/v1/events").status())
                .isEqualTo(403);
        assertThat(keyWithScopes(org, "read_events").get("/v1/events").status()).isEqualTo(200);
    }

    @Test
    void eventsOlderThanThirtyDaysArePruned() {
        var org = newOrganization();
        org.live().post("/v1/patients", Fixtures.patient());
        jdbc.sql("UPDATE events SET created_at = now() - interval '31 days' WHERE organization_id = :org")
                .param("org", org.id())
                .update();
        String recent = org.live()
                .post("/v1/patients", Fixtures.patient("first_name", "Recent"))
                .id();

        events.prune();

        var left = org.live().get("/v1/events").data();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("data").get("object").get("id").stringValue())
                .isEqualTo(recent);
    }
}
