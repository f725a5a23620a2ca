package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Fixtures;
import org.carebook.support.Race;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class IdempotencyTest extends ApiTest {

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseWithoutDoingItAgain() {
        var org = newOrganization();
        var keyed = org.live().with("Idempotency-Key", "create-clinician-1");
        var first = keyed.post("/v1/clinicians", Fixtures.clinician());
        var second = keyed.post("/v1/clinicians", Fixtures.clinician());
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(clinicians(org)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        var org = newOrganization();
        var keyed = org.live().with("Idempotency-Key", "k-2");
        keyed.post("/v1/clinicians", Fixtures.clinician());
        var other = keyed.post("/v1/clinicians", Fixtures.clinician("name", "Dr Someone Else"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.reason()).isEqualTo("idempotency_key_reused");
        assertThat(clinicians(org)).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheOrganizationAndMode() {
        var a = newOrganization();
        var b = newOrganization();
        assertThat(a.live()
                        .with("Idempotency-Key", "shared")
                        .post("/v1/clinicians", Fixtures.clinician())
                        .status())
                .isEqualTo(201);
        var otherOrg = b.live().with("Idempotency-Key", "shared").post("/v1/clinicians", Fixtures.clinician());
        assertThat(otherOrg.status()).isEqualTo(201);
        assertThat(otherOrg.header("Idempotent-Replayed")).isNull();
        var otherMode = a.test().with("Idempotency-Key", "shared").post("/v1/clinicians", Fixtures.clinician());
        assertThat(otherMode.header("Idempotent-Replayed")).isNull();
    }

    /** A stored answer is the caller's own: another key sending the same key and body is not answered with it. */
    @Test
    void keysAreScopedToTheCallerSoAPublicKeyCannotReplayASecretKeysAnswer() {
        var practice = org.carebook.support.Clinic.practice(newOrganization());
        var clinic = practice.clinic();
        var first = clinic.hold(
                clinic.org.live().with("Idempotency-Key", "guessable-1"),
                practice.type(),
                practice.doctor(),
                "2027-01-12T09:00:00Z");
        assertThat(first.status()).isEqualTo(201);

        var other = clinic.hold(
                clinic.org.publishable().with("Idempotency-Key", "guessable-1"),
                practice.type(),
                practice.doctor(),
                "2027-01-12T09:00:00Z");

        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.text()).doesNotContain(first.id());
        var again = clinic.hold(
                clinic.org.live().with("Idempotency-Key", "guessable-1"),
                practice.type(),
                practice.doctor(),
                "2027-01-12T09:00:00Z");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void aValidationFailureIsStoredAndItsChangeIsNot() {
        var org = newOrganization();
        var keyed = org.live().with("Idempotency-Key", "bad-once");
        var first = keyed.post("/v1/clinicians", Fixtures.clinician("name", ""));
        var again = keyed.post("/v1/clinicians", Fixtures.clinician("name", ""));
        assertThat(first.status()).isEqualTo(422);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(clinicians(org)).isZero();
    }

    @Test
    void anInvalidKeyIsRefused() {
        var org = newOrganization();
        var response = org.live().with("Idempotency-Key", "x".repeat(256)).post("/v1/clinicians", Fixtures.clinician());
        assertThat(response.status()).isEqualTo(422);
        assertThat(clinicians(org)).isZero();
    }

    @RepeatedTest(3)
    void concurrentRequestsWithOneKeyCreateOneObject() throws Exception {
        var org = newOrganization();
        var keyed = org.live().with("Idempotency-Key", "race");
        List<Api.Response> responses = Race.run(20, client -> keyed.post("/v1/clinicians", Fixtures.clinician()));
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo("idempotency_key_in_use"));
        assertThat(responses.stream()
                        .filter(r -> r.status() == 201)
                        .map(Api.Response::id)
                        .distinct())
                .hasSize(1);
        assertThat(clinicians(org)).isEqualTo(1);
    }

    private long clinicians(Org org) {
        return jdbc.sql("SELECT count(*) FROM clinicians WHERE organization_id = :org")
                .param("org", org.id())
                .query(Long.class)
                .single();
    }
}
