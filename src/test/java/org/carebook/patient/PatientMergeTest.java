package org.carebook.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Race;
import org.junit.jupiter.api.Test;

/**
 * Merging two records of one patient over HTTP: the duplicate's appointments, series and waitlist entries move to
 * the record kept, it is deleted, both are audited; the database refuses a merge that would put one patient in two
 * places at once or in one waitlist twice, and nothing changes then.
 */
class PatientMergeTest extends ApiTest {

    @Test
    void theDuplicatesBookingsAndWaitlistPlacesMoveToTheKeptRecordAndTheDuplicateIsGone() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String kept = clinic.patient("first_name", "Grace", "last_name", "Hopper");
        String duplicate = clinic.patient("first_name", "Grace", "last_name", "Hopper", "email", "grace@example.org");
        String keptVisit = Clinic.expect(
                        clinic.book(practice.type(), practice.doctor(), kept, "2027-04-05T09:00:00Z"), 201)
                .id();
        String duplicateVisit = Clinic.expect(
                        clinic.book(practice.type(), practice.doctor(), duplicate, "2027-04-06T09:00:00Z"), 201)
                .id();
        String entry = Clinic.expect(
                        clinic.api.post(
                                "/v1/waitlist-entries",
                                Map.of(
                                        "patient_id",
                                        duplicate,
                                        "appointment_type_id",
                                        practice.type(),
                                        "until",
                                        "2027-03-31")),
                        201)
                .id();

        var merged = clinic.api.post("/v1/patients/" + kept + "/merge", Map.of("merged_id", duplicate));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.data().get("id").stringValue()).isEqualTo(kept);
        assertThat(merged.data().get("merged_id").stringValue()).isEqualTo(duplicate);
        assertThat(clinic.api.get("/v1/patients/" + duplicate).status()).isEqualTo(404);
        assertThat(patientOf(clinic, "/v1/appointments/" + duplicateVisit)).isEqualTo(kept);
        assertThat(patientOf(clinic, "/v1/appointments/" + keptVisit)).isEqualTo(kept);
        assertThat(patientOf(clinic, "/v1/waitlist-entries/" + entry)).isEqualTo(kept);
        assertThat(clinic.api.get("/v1/appointments?patient_id=" + kept).data()).hasSize(2);
        var audit = jdbc.sql("SELECT resource_id FROM audit_events WHERE organization_id = :org AND action = 'merge'")
                .param("org", clinic.org.id())
                .query(String.class)
                .list();
        assertThat(audit).containsExactlyInAnyOrder(kept, duplicate);
        var event = clinic.api.get("/v1/events?type=patient.merged").data();
        assertThat(event).hasSize(1);
        assertThat(event.get(0).get("data").get("object").toString())
                .isEqualTo("{\"id\":\"" + kept + "\",\"merged_id\":\"" + duplicate + "\"}");

        var again = clinic.api.post("/v1/patients/" + kept + "/merge", Map.of("merged_id", duplicate));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text()).contains("was already merged into " + kept);
    }

    @Test
    void recordsBookedAtOverlappingTimesOrWaitingForOneServiceAreNotMerged() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String other = clinic.clinician("Dr Bea Other");
        clinic.everyDay(other, "09:00", "17:00");
        String kept = clinic.patient("first_name", "Ada");
        String busy = clinic.patient("first_name", "Ada");
        String waiting = clinic.patient("first_name", "Ada");
        Clinic.expect(clinic.book(practice.type(), practice.doctor(), kept, "2027-04-05T09:00:00Z"), 201);
        String overlapping = Clinic.expect(clinic.book(practice.type(), other, busy, "2027-04-05T09:15:00Z"), 201)
                .id();
        for (String patient : List.of(kept, waiting)) {
            Clinic.expect(
                    clinic.api.post(
                            "/v1/waitlist-entries",
                            Map.of(
                                    "patient_id",
                                    patient,
                                    "appointment_type_id",
                                    practice.type(),
                                    "until",
                                    "2027-03-31")),
                    201);
        }

        var twoPlaces = clinic.api.post("/v1/patients/" + kept + "/merge", Map.of("merged_id", busy));
        var twoPlacesInLine = clinic.api.post("/v1/patients/" + kept + "/merge", Map.of("merged_id", waiting));

        assertThat(twoPlaces.status()).isEqualTo(409);
        assertThat(twoPlaces.text()).contains("patient_conflict");
        assertThat(twoPlacesInLine.status()).isEqualTo(409);
        assertThat(twoPlacesInLine.text()).contains("waitlist_conflict");
        assertThat(clinic.api.get("/v1/patients/" + busy).status()).isEqualTo(200);
        assertThat(clinic.api.get("/v1/patients/" + waiting).status()).isEqualTo(200);
        assertThat(patientOf(clinic, "/v1/appointments/" + overlapping)).isEqualTo(busy);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE organization_id = :org AND action = 'merge'")
                        .param("org", clinic.org.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badMergesAreRefusedWithTheirReasonAndNothingChanges() {
        var org = newOrganization();
        var clinic = Clinic.in(org, "Europe/London");
        String patient = clinic.patient();

        assertThat(clinic.api
                        .post("/v1/patients/" + patient + "/merge", Map.of("merged_id", patient))
                        .status())
                .isEqualTo(422);
        assertThat(clinic.api
                        .post("/v1/patients/" + patient + "/merge", Map.of("merged_id", "pat_nobody"))
                        .text())
                .contains("merged_id", "is not a patient of this organization");
        assertThat(clinic.api
                        .post("/v1/patients/" + patient + "/merge", Map.of())
                        .status())
                .isEqualTo(422);
        assertThat(clinic.api
                        .post("/v1/patients/" + patient + "/merge", Map.of("merged_id", patient, "keep", "both"))
                        .status())
                .isEqualTo(422);
        assertThat(clinic.api
                        .post("/v1/patients/pat_nobody/merge", Map.of("merged_id", patient))
                        .status())
                .isEqualTo(404);
        String elsewhere = Clinic.in(newOrganization(), "Europe/London").patient();
        assertThat(clinic.api
                        .post("/v1/patients/" + patient + "/merge", Map.of("merged_id", elsewhere))
                        .status())
                .isEqualTo(422);
        assertThat(org.publishable()
                        .post("/v1/patients/" + patient + "/merge", Map.of("merged_id", patient))
                        .status())
                .isEqualTo(403);
        assertThat(clinic.api.get("/v1/patients/" + patient).status()).isEqualTo(200);
    }

    /** Two desks merging one pair opposite ways at once: one merge happens, the other finds its record gone. */
    @Test
    void twoMergesOfOnePairAtOnceMakeOneRecord() {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        for (int round = 0; round < 5; round++) {
            String a = clinic.patient("first_name", "Round" + round);
            String b = clinic.patient("first_name", "Round" + round);

            var answers = Race.run(
                    2,
                    client -> client == 0
                            ? clinic.api.post("/v1/patients/" + a + "/merge", Map.of("merged_id", b))
                            : clinic.api.post("/v1/patients/" + b + "/merge", Map.of("merged_id", a)));

            assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(1);
            assertThat(answers.stream().filter(r -> r.status() == 200 || r.status() == 404 || r.status() == 422))
                    .hasSize(2);
            long left = jdbc.sql("SELECT count(*) FROM patients WHERE id IN (:a, :b)")
                    .param("a", a)
                    .param("b", b)
                    .query(Long.class)
                    .single();
            assertThat(left).isEqualTo(1);
        }
    }

    private static String patientOf(Clinic clinic, String path) {
        return clinic.api.get(path).data().get("patient_id").stringValue();
    }
}
