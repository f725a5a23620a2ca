package org.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Instant;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Two-second holds and no sweeper (the server {@code HoldExpiryTest} runs on): expiry from the clock alone. */
@TestPropertySource(properties = {"carebook.hold-ttl=PT2S", "carebook.hold-sweep=PT0S"})
class FhirHoldExpiryTest extends ApiTest {

    FhirServer fhir;

    @AfterEach
    void everyAnswerValidated() {
        fhir.assertEverythingValidated();
    }

    @Test
    void aHoldLeftToExpireCannotBeBookedAndItsTimeIsFreeAgain() throws InterruptedException {
        fhir = new FhirServer(base);
        var practice = Clinic.practice(newOrganization());
        var scheduler = new Scheduler(fhir.client(practice.clinic().org.live().key()), practice);
        var proposed = scheduler.find(FhirSchedulingTest.DAY).get(0);
        var pending = scheduler.hold(proposed);
        var expires = ((InstantType)
                        pending.getExtensionByUrl("https://carebook.dev/fhir/StructureDefinition/hold-expires")
                                .getValue())
                .getValue()
                .toInstant();
        assertThat(scheduler.slots(FhirSchedulingTest.DAY, "busy-tentative")).hasSize(1);

        while (Instant.now().isBefore(expires.plusMillis(200))) {
            Thread.sleep(100);
        }

        var booking = FhirSchedulingTest.withInlinePatient(pending.copy(), "Late", "Comer");
        assertThatThrownBy(() -> scheduler.book(booking))
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(410);
                    var issue = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
                    assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.EXPIRED);
                    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("hold_expired");
                });
        assertThat(FhirSchedulingTest.status(() -> scheduler
                        .client()
                        .read()
                        .resource(Appointment.class)
                        .withId(pending.getIdElement().getIdPart())
                        .execute()))
                .as("the hold, read as a pending appointment")
                .isEqualTo(410);
        assertThat(scheduler.slots(FhirSchedulingTest.DAY, "busy-tentative")).isEmpty();
        assertThat(practice.clinic().api.get("/v1/appointments").data()).isEmpty();
    }
}
