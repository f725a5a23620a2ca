package org.carebook.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Two-second holds and no sweeper: expiry must work from the clock alone. */
@TestPropertySource(properties = {"carebook.hold-ttl=PT2S", "carebook.hold-sweep=PT0S"})
class HoldExpiryTest extends ApiTest {

    private static final String NINE = "2027-01-12T09:00:00Z";

    @Test
    void anExpiredHoldFreesTheSlotWithoutASweeper() throws InterruptedException {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "09:30");
        var type = clinic.type();
        var hold = Clinic.expect(clinic.hold(clinic.api, type, doctor, NINE), 201);
        assertThat(clinic.hold(clinic.api, type, doctor, NINE).reason()).isEqualTo("slot_taken");
        assertThat(clinic.starts(type, "2027-01-12", "2027-01-12")).isEmpty();

        waitUntil(OffsetDateTime.parse(hold.data().get("expires_at").stringValue()));

        assertThat(clinic.api.get("/v1/holds/" + hold.id()).data().get("status").stringValue())
                .isEqualTo("expired");
        assertThat(clinic.starts(type, "2027-01-12", "2027-01-12")).containsExactly(NINE);
        assertThat(clinic.hold(clinic.api, type, doctor, NINE).status()).isEqualTo(201);
        var confirm = clinic.api.post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient_id", clinic.patient()));
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(confirm.reason()).isEqualTo("hold_expired");
        assertThat(jdbc.sql("SELECT status FROM holds WHERE id = :id")
                        .param("id", hold.id())
                        .query(String.class)
                        .single())
                .as("no sweeper ran")
                .isEqualTo("active");
    }

    @Test
    void anExpiredHoldCannotBeConfirmedEvenIfNothingTookItsPlace() throws InterruptedException {
        var clinic = Clinic.in(newOrganization(), "Europe/London");
        var doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "09:30");
        var type = clinic.type();
        var hold = Clinic.expect(clinic.hold(clinic.api, type, doctor, NINE), 201);

        waitUntil(OffsetDateTime.parse(hold.data().get("expires_at").stringValue()));

        assertThat(clinic.api
                        .post("/v1/holds/" + hold.id() + "/confirm", Map.of("patient_id", clinic.patient()))
                        .reason())
                .isEqualTo("hold_expired");
    }

    private static void waitUntil(OffsetDateTime moment) throws InterruptedException {
        long millis = Duration.between(OffsetDateTime.now(), moment).toMillis() + 50;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
