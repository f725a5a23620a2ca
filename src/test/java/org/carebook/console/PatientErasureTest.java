package org.carebook.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.carebook.support.Axe;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * An owner erases a patient who asked for it: refused while an appointment is to come, then done; afterwards no
 * table holds the patient's name, contact details or what was written about them, their links are revoked, and
 * the erasure is audited. Front desks are refused it.
 */
class PatientErasureTest extends ConsoleBrowserTest {

    @Test
    void anOwnerErasesAPatientOnRequestAndNothingPersonalRemains() {
        for (int width : new int[] {1280, 768}) {
            var practice = Clinic.practice(newOrganization());
            var clinic = practice.clinic();
            String patient = clinic.patient(
                    "first_name",
                    "Grace",
                    "last_name",
                    "Hopperton",
                    "email",
                    "grace.erase@example.org",
                    "phone",
                    "+447700900123");
            String done = book(clinic, practice, patient, "2027-03-16T09:00:00Z");
            String cancelled = book(clinic, practice, patient, "2027-03-17T09:00:00Z");
            String upcoming = book(clinic, practice, patient, "2027-03-18T09:00:00Z");
            Clinic.expect(clinic.api.post("/v1/appointments/" + done + "/check-in", Map.of()), 200);
            Clinic.expect(clinic.api.post("/v1/appointments/" + done + "/complete", Map.of()), 200);
            Clinic.expect(
                    clinic.api.post("/v1/appointments/" + cancelled + "/cancel", Map.of("reason", "Hopperton moved")),
                    200);
            String owner = "eraser-" + width + "@clinic.example";
            accept(invite(clinic.org, owner, "owner"));

            var page = signedIn(owner, base + "/console/patients/" + patient);
            page.setViewportSize(width, 900);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Erase this patient…"))
                    .click();
            page.getByLabel("The patient asked to be erased").check();
            assertThat(Axe.violations(page, "erase at " + width)).isEmpty();
            screenshot(page, "console-erase-" + width);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase the patient"))
                    .click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("appointments still to come");
            assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE organization_id = :org AND recipient = :to")
                            .param("org", clinic.org.id())
                            .param("to", "grace.erase@example.org")
                            .query(Long.class)
                            .single())
                    .as("messages went to the patient's address")
                    .isPositive();

            Clinic.expect(clinic.api.post("/v1/appointments/" + upcoming + "/cancel", Map.of()), 200);
            page.getByLabel("The patient asked to be erased").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase the patient"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The patient is erased");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Erased patient");

            assertThat(personal(clinic.org.id()))
                    .as("rows still holding the patient's data")
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM manage_links l JOIN appointments a ON a.id = l.appointment_id"
                                    + " WHERE a.patient_id = :p AND l.revoked_at IS NULL")
                            .param("p", patient)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM appointments WHERE patient_id = :p")
                            .param("p", patient)
                            .query(Long.class)
                            .single())
                    .as("the appointments stay as history")
                    .isEqualTo(3);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE resource_id = :p AND action = 'erase'")
                            .param("p", patient)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(clinic.api.get("/v1/events?type=patient.erased").data()).hasSize(1);
        }
    }

    @Test
    void onlyOwnersMayErase() {
        var practice = Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        String patient = clinic.patient();
        accept(invite(clinic.org, "no-erase@clinic.example", "front_desk"));
        var desk = new ConsoleSession();
        desk.signIn(base, "no-erase@clinic.example", PASSWORD);

        assertThat(desk.get(base, "/console/patients/" + patient).body()).doesNotContain("Erase this patient");
        assertThat(desk.get(base, "/console/patients/" + patient + "/erase").statusCode())
                .isEqualTo(403);
        assertThat(desk.postWithToken(
                                base,
                                "/console/patients/" + patient,
                                "/console/patients/" + patient + "/erase",
                                "requested=yes")
                        .statusCode())
                .isEqualTo(403);
        assertThat(clinic.api
                        .get("/v1/patients/" + patient)
                        .data()
                        .get("first_name")
                        .stringValue())
                .isNotEqualTo("Erased");
    }

    private static String book(Clinic clinic, Clinic.Practice practice, String patient, String start) {
        var booked = clinic.api.post(
                "/v1/appointments",
                Map.of(
                        "appointment_type_id",
                        practice.type(),
                        "clinician_id",
                        practice.doctor(),
                        "location_id",
                        clinic.locationId,
                        "patient_id",
                        patient,
                        "start_time",
                        start,
                        "notes",
                        "Hopperton's knee",
                        "attendee_name",
                        "Mr Hopperton"));
        return Clinic.expect(booked, 201).id();
    }

    /** Rows of the organization that still hold the patient's surname, e-mail address or phone number anywhere. */
    private long personal(String org) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM patients p WHERE p.organization_id = :org
                                  AND (p::text ILIKE '%hopperton%' OR p::text ILIKE '%grace.erase%' OR p::text LIKE '%7700900123%'))
                             + (SELECT count(*) FROM appointments a WHERE a.organization_id = :org
                                  AND (a::text ILIKE '%hopperton%' OR a::text ILIKE '%grace.erase%'))
                             + (SELECT count(*) FROM notifications n WHERE n.organization_id = :org
                                  AND (n::text ILIKE '%hopperton%' OR n::text ILIKE '%grace.erase%' OR n::text LIKE '%7700900123%'))""").param("org", org).query(Long.class).single();
    }
}
