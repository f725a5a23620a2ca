package org.carebook.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;

class CatalogTest extends ApiTest {

    @Test
    void aLocationIsCreatedReadUpdatedAndDeactivated() {
        var org = newOrganization();
        var created = org.live()
                .post(
                        "/v1/locations",
                        Fixtures.location(
                                "phone",
                                "020 7946 0000",
                                "address",
                                Map.of("line1", "1 Harley St", "city", "London", "country", "GB")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.id()).startsWith("loc_");
        assertThat(created.data().get("phone").stringValue()).isEqualTo("+442079460000");

        var patched = org.live()
                .patch(
                        "/v1/locations/" + created.id(),
                        Map.of("name", "Harley Street Clinic", "address", Map.of("postcode", "W1G 9QD")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.data().get("name").stringValue()).isEqualTo("Harley Street Clinic");
        assertThat(patched.data().get("address").get("line1").stringValue()).isEqualTo("1 Harley St");
        assertThat(patched.data().get("address").get("postcode").stringValue()).isEqualTo("W1G 9QD");
        assertThat(patched.data().get("timezone").stringValue()).isEqualTo("Europe/London");

        var deleted = org.live().delete("/v1/locations/" + created.id());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("is_active").booleanValue()).isFalse();
        assertThat(org.live().get("/v1/locations?is_active=false").data()).hasSize(1);
    }

    @Test
    void locationsNeedARealTimeZone() {
        var org = newOrganization();
        for (Object zone : new Object[] {"Mars/Olympus", "+01:00", "", 5}) {
            var response = org.live().post("/v1/locations", Fixtures.location("timezone", zone));
            assertThat(response.status()).as(String.valueOf(zone)).isEqualTo(422);
            assertThat(response.error().get("details").get(0).get("field").stringValue())
                    .isEqualTo("timezone");
        }
        assertThat(org.live()
                        .post("/v1/locations", Fixtures.location("timezone", null))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void roomsBelongToTheirLocation() {
        var org = newOrganization();
        String location = org.live().post("/v1/locations", Fixtures.location()).id();
        var room = org.live().post("/v1/locations/" + location + "/rooms", Map.of("name", "Room 1"));
        assertThat(room.status()).isEqualTo(201);
        assertThat(room.id()).startsWith("room_");
        assertThat(org.live()
                        .get("/v1/locations/" + location)
                        .data()
                        .get("rooms")
                        .get(0)
                        .get("name")
                        .stringValue())
                .isEqualTo("Room 1");
        var renamed = org.live().patch("/v1/locations/" + location + "/rooms/" + room.id(), Map.of("name", "Room A"));
        assertThat(renamed.data().get("name").stringValue()).isEqualTo("Room A");
        var removed = org.live().delete("/v1/locations/" + location + "/rooms/" + room.id());
        assertThat(removed.data().get("is_active").booleanValue()).isFalse();
        String other = org.live().post("/v1/locations", Fixtures.location()).id();
        assertThat(org.live()
                        .delete("/v1/locations/" + other + "/rooms/" + room.id())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void cliniciansHaveTimeOffThatMustEndAfterItStarts() {
        var org = newOrganization();
        String clinician = org.live()
                .post("/v1/clinicians", Fixtures.clinician("email", "  Jane.Doe@Clinic.Example "))
                .id();
        assertThat(org.live()
                        .get("/v1/clinicians/" + clinician)
                        .data()
                        .get("email")
                        .stringValue())
                .isEqualTo("jane.doe@clinic.example");
        var off = org.live()
                .post(
                        "/v1/clinicians/" + clinician + "/time-off",
                        Map.of(
                                "start_time",
                                "2027-01-04T09:00:00Z",
                                "end_time",
                                "2027-01-08T17:00:00+00:00",
                                "reason",
                                "Leave"));
        assertThat(off.status()).isEqualTo(201);
        assertThat(off.id()).startsWith("toff_");
        var backwards = org.live()
                .post(
                        "/v1/clinicians/" + clinician + "/time-off",
                        Map.of("start_time", "2027-01-08T09:00:00Z", "end_time", "2027-01-08T09:00:00Z"));
        assertThat(backwards.status()).isEqualTo(422);
        var noOffset = org.live()
                .post(
                        "/v1/clinicians/" + clinician + "/time-off",
                        Map.of("start_time", "2027-01-08T09:00:00", "end_time", "2027-01-08T10:00:00Z"));
        assertThat(noOffset.status()).isEqualTo(422);
        assertThat(org.live().get("/v1/clinicians/" + clinician + "/time-off").data())
                .hasSize(1);
        assertThat(org.live()
                        .delete("/v1/clinicians/" + clinician + "/time-off/" + off.id())
                        .status())
                .isEqualTo(200);
        assertThat(org.live().get("/v1/clinicians/" + clinician + "/time-off").data())
                .isEmpty();
    }

    @Test
    void appointmentTypesGetTheContractsDefaults() {
        var org = newOrganization();
        var type = org.live().post("/v1/appointment-types", Fixtures.appointmentType("price", 65.5));
        assertThat(type.status()).isEqualTo(201);
        var data = type.data();
        assertThat(data.get("buffer_before_minutes").intValue()).isZero();
        assertThat(data.get("buffer_after_minutes").intValue()).isZero();
        assertThat(data.get("min_notice_minutes").intValue()).isZero();
        assertThat(data.get("max_advance_days").intValue()).isEqualTo(90);
        assertThat(data.get("slot_interval_minutes").intValue()).isEqualTo(30);
        assertThat(data.get("requires_room").booleanValue()).isFalse();
        assertThat(data.get("clinician_ids")).isEmpty();
        assertThat(data.get("currency").stringValue()).isEqualTo("GBP");
        assertThat(data.get("price").decimalValue()).isEqualByComparingTo("65.50");
        assertThat(org.live()
                        .post("/v1/appointment-types", Fixtures.appointmentType("price", 10.123))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void templatesListTheSameTypesWithADuration() {
        var org = newOrganization();
        org.live().post("/v1/appointment-types", Fixtures.appointmentType("duration_minutes", 45));
        var templates = keyWithScopes(org, "read_appointment_templates").get("/v1/appointment-templates");
        assertThat(templates.status()).isEqualTo(200);
        assertThat(templates.data().get(0).get("duration").intValue()).isEqualTo(45);
        assertThat(templates.data().get(0).get("duration_minutes").intValue()).isEqualTo(45);
    }

    @Test
    void aPublishableKeySeesOnlyActiveOnlineBookableTypes() {
        var org = newOrganization();
        String online = org.live()
                .post("/v1/appointment-types", Fixtures.appointmentType("name", "Online"))
                .id();
        String offline = org.live()
                .post(
                        "/v1/appointment-types",
                        Fixtures.appointmentType("name", "Phone only", "allow_online_booking", false))
                .id();
        String retired = org.live()
                .post("/v1/appointment-types", Fixtures.appointmentType("name", "Retired"))
                .id();
        org.live().delete("/v1/appointment-types/" + retired);

        assertThat(org.publishable().get("/v1/appointment-types").data().findValuesAsString("id"))
                .containsExactly(online);
        assertThat(org.publishable().get("/v1/appointment-types/" + offline).status())
                .isEqualTo(404);
        assertThat(org.live().get("/v1/appointment-types").data()).hasSize(3);
    }

    @Test
    void schedulesRejectOverlapsBackwardsBlocksUnknownDaysAndZones() {
        var org = newOrganization();
        String clinician =
                org.live().post("/v1/clinicians", Fixtures.clinician()).id();
        String location = org.live().post("/v1/locations", Fixtures.location()).id();
        var response = org.live()
                .post(
                        "/v1/schedules",
                        Fixtures.schedule(
                                clinician,
                                location,
                                "weekly_hours",
                                List.of(
                                        Map.of("day", "monday", "start", "09:00", "end", "12:00"),
                                        Map.of("day", "monday", "start", "11:00", "end", "13:00"),
                                        Map.of("day", "tuesday", "start", "14:00", "end", "10:00"),
                                        Map.of("day", "funday", "start", "09:00", "end", "10:00"),
                                        Map.of("day", "friday", "start", "9am", "end", "10:00"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().get("details").findValuesAsString("field"))
                .contains("weekly_hours[1]", "weekly_hours[2].end", "weekly_hours[3].day", "weekly_hours[4].start");

        var remoteWithoutZone = org.live()
                .post("/v1/schedules", Map.of("clinician_id", clinician, "is_remote", true, "weekly_hours", List.of()));
        assertThat(remoteWithoutZone.status()).isEqualTo(422);
        assertThat(remoteWithoutZone.error().get("details").get(0).get("field").stringValue())
                .isEqualTo("timezone");
    }

    @Test
    void aScheduleTakesItsLocationsZoneAndKeepsDateExceptions() {
        var org = newOrganization();
        String clinician =
                org.live().post("/v1/clinicians", Fixtures.clinician()).id();
        String location = org.live()
                .post("/v1/locations", Fixtures.location("timezone", "America/New_York"))
                .id();
        var schedule = org.live()
                .post(
                        "/v1/schedules",
                        Fixtures.schedule(
                                clinician,
                                location,
                                "valid_from",
                                "2027-01-01",
                                "accepted_insurance_payers",
                                List.of("Aetna")));
        assertThat(schedule.status()).isEqualTo(201);
        assertThat(schedule.data().get("timezone").stringValue()).isEqualTo("America/New_York");
        String id = schedule.id();

        var closed = org.live().put("/v1/schedules/" + id + "/exceptions/2027-12-25", Map.of("hours", List.of()));
        assertThat(closed.status()).isEqualTo(200);
        var shorter = org.live()
                .put(
                        "/v1/schedules/" + id + "/exceptions/2027-12-24",
                        Map.of("hours", List.of(Map.of("start", "09:00", "end", "11:00"))));
        assertThat(shorter.data().get("hours").get(0).get("end").stringValue()).isEqualTo("11:00");
        assertThat(org.live().get("/v1/schedules/" + id + "/exceptions").data()).hasSize(2);
        assertThat(org.live()
                        .put("/v1/schedules/" + id + "/exceptions/2027-02-30", Map.of("hours", List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(org.live()
                        .delete("/v1/schedules/" + id + "/exceptions/2027-12-25")
                        .status())
                .isEqualTo(200);
        assertThat(org.live()
                        .get("/v1/schedules/" + id + "/exceptions/2027-12-25")
                        .status())
                .isEqualTo(404);
        assertThat(org.live()
                        .get("/v1/clinicians?location_id=" + location)
                        .data()
                        .findValuesAsString("id"))
                .containsExactly(clinician);
    }
}
