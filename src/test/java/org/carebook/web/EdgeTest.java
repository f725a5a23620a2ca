package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.Fixtures;
import org.junit.jupiter.api.Test;

/** What an attacker and a new user found at the edge, each answered as it should be now. */
class EdgeTest extends ApiTest {

    @Test
    void anAdminPathWithParametersOrEscapesCreatesNothingWithoutTheToken() {
        long before = organizations();
        var body = Map.of("name", "Mallory", "timezone", "Europe/London", "country", "GB", "currency", "GBP");

        var semicolon = anonymous().post("/admin;x/v1/organizations", body);
        var escaped = anonymous().post("/%61dmin/v1/organizations", body);

        assertThat(semicolon.status()).isEqualTo(400);
        assertThat(semicolon.reason()).isEqualTo("malformed_url");
        assertThat(escaped.status()).isEqualTo(401);
        assertThat(anonymous().get("/admin;x/v1/organizations").status()).isEqualTo(400);
        assertThat(anonymous().get("/%61dmin/v1/organizations").status()).isEqualTo(401);
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void anIdempotentReplayIsAnsweredOnlyToTheKeyThatMadeTheCall() {
        var org = newOrganization();
        var practice = Clinic.practice(org);
        var clinic = practice.clinic();
        String doctor = practice.doctor();
        String type = practice.type();
        var body = Map.of(
                "appointment_type_id",
                type,
                "clinician_id",
                doctor,
                "location_id",
                clinic.locationId,
                "start_time",
                "2027-01-12T09:00:00Z",
                "patient_id",
                clinic.patient());
        var first = org.live().with("Idempotency-Key", "booking-1").post("/v1/appointments", body);
        assertThat(first.status()).isEqualTo(201);

        var replay = keyWithScopes(org, "read_appointment_types")
                .with("Idempotency-Key", "booking-1")
                .post("/v1/appointments", body);

        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.reason()).isEqualTo("missing_scope");
        assertThat(replay.header("Idempotent-Replayed")).isNull();
        assertThat(replay.text()).doesNotContain(first.id());
        var another = keyWithScopes(org, "write_appointments")
                .with("Idempotency-Key", "booking-1")
                .post("/v1/appointments", body);
        assertThat(another.header("Idempotent-Replayed"))
                .as("another key may make the call, but it is its own call")
                .isNull();
        assertThat(another.status()).isEqualTo(409);
        var again = org.live().with("Idempotency-Key", "booking-1").post("/v1/appointments", body);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void patientAnswersAreNeverCachedOrSniffed() {
        var org = newOrganization();
        String id = org.live().post("/v1/patients", Fixtures.patient()).id();

        var read = org.live().get("/v1/patients/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Cache-Control")).contains("no-store");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(read.header("Strict-Transport-Security"))
                .as("plain HTTP, no proxy trusted")
                .isNull();
    }

    @Test
    void theWidgetScriptIsRevalidatedRatherThanDownloadedAgain() {
        var script = anonymous().get("/widget/carebook.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");

        var again = anonymous()
                .with("If-Modified-Since", script.header("Last-Modified"))
                .get("/widget/carebook.js");

        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void forwardedHeadersFromAPeerThatIsNotATrustedProxyAreIgnored() {
        var org = newOrganization();
        var spoofing = org.live()
                .with("X-Forwarded-For", "203.0.113.7")
                .with("X-Forwarded-Proto", "https")
                .with("Forwarded", "for=198.51.100.9;proto=https");
        String id = spoofing.post("/v1/patients", Fixtures.patient()).id();

        var audit = org.live().get("/v1/audit-events?resource_id=" + id).data().get(0);

        assertThat(audit.get("ip").stringValue()).isEqualTo("127.0.0.1");
        assertThat(spoofing.get("/v1/patients/" + id).header("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void aBrowserBookingJoinsAnExistingPatientOnlyWhenTheContactOnFileAgrees() {
        var org = newOrganization();
        var practice = Clinic.practice(org);
        var clinic = practice.clinic();
        String doctor = practice.doctor();
        String type = practice.type();
        String onFile = clinic.patient("email", "trisha@example.org", "phone", "+447700900456");

        String sameEmail = bookThroughTheWidget(
                org, clinic, type, doctor, "2027-01-12T09:00:00Z", Fixtures.patient("email", "trisha@example.org"));
        String nameAndBirthDateOnly = bookThroughTheWidget(
                org,
                clinic,
                type,
                doctor,
                "2027-01-12T10:00:00Z",
                Fixtures.patient("email", "someone.else@example.org"));
        String noContact = bookThroughTheWidget(org, clinic, type, doctor, "2027-01-12T11:00:00Z", Fixtures.patient());

        assertThat(sameEmail).isEqualTo(onFile);
        assertThat(nameAndBirthDateOnly).isNotEqualTo(onFile);
        assertThat(noContact).isNotEqualTo(onFile).isNotEqualTo(nameAndBirthDateOnly);
        var marked = org.live().get("/v1/patients/" + nameAndBirthDateOnly).data();
        assertThat(marked.get("possible_duplicate_of").stringValue()).isEqualTo(onFile);
        assertThat(marked.get("email").stringValue()).isEqualTo("someone.else@example.org");
        assertThat(org.live().get("/v1/patients/" + onFile).data().get("email").stringValue())
                .isEqualTo("trisha@example.org");
        assertThat(org.live()
                        .get("/v1/patients/" + noContact)
                        .data()
                        .get("possible_duplicate_of")
                        .stringValue())
                .isEqualTo(onFile);
    }

    @Test
    void aSecretKeyBookingStillMatchesByNameAndBirthDateWhenItGivesNoContact() {
        var org = newOrganization();
        var practice = Clinic.practice(org);
        var clinic = practice.clinic();
        String doctor = practice.doctor();
        String type = practice.type();
        String onFile = clinic.patient("email", "trisha@example.org");

        var booked = Clinic.expect(
                org.live()
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
                                        Fixtures.patient())),
                201);

        assertThat(booked.data().get("patient_id").stringValue()).isEqualTo(onFile);
    }

    @Test
    void everyAddressTheApiAcceptsCanBeBooked() {
        var org = newOrganization();
        var practice = Clinic.practice(org);
        var clinic = practice.clinic();
        String doctor = practice.doctor();
        String type = practice.type();
        int hour = 9;
        for (String email : List.of(
                "a{b}@example.org",
                "a|b@example.org",
                "a%b@example.org",
                "!#$%&'*+-/=?^_`{|}~@example.org",
                "o'brien@example.org",
                "zoë@exämple.de")) {
            var booked = org.live()
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
                                    String.format("2027-01-12T%02d:00:00Z", hour++),
                                    "patient",
                                    Fixtures.patient("first_name", "P" + hour, "email", email)));
            assertThat(booked.status()).as(email).isEqualTo(201);
            assertThat(org.live()
                            .get("/v1/appointments/" + booked.id() + "/ics")
                            .status())
                    .as(email)
                    .isEqualTo(200);
        }
        for (String refused : List.of(
                "a b@example.org",
                "a<b>@example.org",
                "a\"b@example.org",
                "a,b@example.org",
                "a@b@example.org",
                ".a@example.org",
                "a..b@example.org",
                "a@example",
                "a@-example.org")) {
            var response = org.live().post("/v1/patients", Fixtures.patient("email", refused));
            assertThat(response.status()).as(refused).isEqualTo(422);
        }
    }

    private static String bookThroughTheWidget(
            Org org, Clinic clinic, String type, String doctor, String start, Map<String, Object> patient) {
        var hold = Clinic.expect(clinic.hold(org.publishable(), type, doctor, start), 201);
        var confirmed = Clinic.expect(
                org.publishable().post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient", patient)), 201);
        assertThat(confirmed.data().has("patient_id")).isFalse();
        return Clinic.expect(org.live().get("/v1/appointments/" + confirmed.id()), 200)
                .data()
                .get("patient_id")
                .stringValue();
    }

    private long organizations() {
        return jdbc.sql("SELECT count(*) FROM organizations").query(Long.class).single();
    }
}
