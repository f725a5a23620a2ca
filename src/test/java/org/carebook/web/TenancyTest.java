package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebook.support.ApiTest;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;

class TenancyTest extends ApiTest {

    @Test
    void anotherOrganizationsIdsAreNotFound() {
        var a = newOrganization();
        var b = newOrganization();
        String location = a.live().post("/v1/locations", Fixtures.location()).id();
        String clinician = a.live().post("/v1/clinicians", Fixtures.clinician()).id();
        String patient = a.live().post("/v1/patients", Fixtures.patient()).id();

        for (String path :
                new String[] {"/v1/locations/" + location, "/v1/clinicians/" + clinician, "/v1/patients/" + patient}) {
            assertThat(b.live().get(path).status()).as(path).isEqualTo(404);
            assertThat(b.live().patch(path, java.util.Map.of()).status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(b.live().delete("/v1/locations/" + location).status()).isEqualTo(404);
        assertThat(a.live()
                        .get("/v1/locations/" + location)
                        .data()
                        .get("is_active")
                        .booleanValue())
                .isTrue();
        assertThat(b.live().get("/v1/locations").data()).isEmpty();
    }

    @Test
    void liveAndTestModesNeverSeeEachOther() {
        var org = newOrganization();
        String live = org.live().post("/v1/clinicians", Fixtures.clinician()).id();
        assertThat(org.test().get("/v1/clinicians/" + live).status()).isEqualTo(404);
        assertThat(org.test().get("/v1/clinicians").data()).isEmpty();
    }

    @Test
    void aBodyNamingAnotherOrganizationsIdIsInvalid() {
        var a = newOrganization();
        var b = newOrganization();
        String foreignClinician =
                a.live().post("/v1/clinicians", Fixtures.clinician()).id();
        String location = b.live().post("/v1/locations", Fixtures.location()).id();
        var response = b.live().post("/v1/schedules", Fixtures.schedule(foreignClinician, location));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().get("details").get(0).get("field").stringValue())
                .isEqualTo("clinician_id");

        var type = b.live()
                .post(
                        "/v1/appointment-types",
                        Fixtures.appointmentType("clinician_ids", java.util.List.of(foreignClinician)));
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.error().get("details").get(0).get("field").stringValue())
                .isEqualTo("clinician_ids[0]");

        String ownType = b.live()
                .post("/v1/appointment-types", Fixtures.appointmentType())
                .id();
        String foreignLocation =
                a.live().post("/v1/locations", Fixtures.location()).id();
        var hold = b.live()
                .post(
                        "/v1/holds",
                        java.util.Map.of(
                                "appointment_type_id",
                                ownType,
                                "clinician_id",
                                foreignClinician,
                                "location_id",
                                foreignLocation,
                                "start_time",
                                "2030-01-07T10:00:00Z"));
        assertThat(hold.status()).isEqualTo(422);
        assertThat(hold.error().get("details").findValuesAsString("field"))
                .containsExactly("clinician_id", "location_id");
    }
}
