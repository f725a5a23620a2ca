package org.carebook.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    /**
     * The first encode scans HAPI's model and takes about a second (ADR 0011). Doing it once the server is
     * ready, on its own thread, keeps it out of both start-up and the first FHIR request.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warm(ApplicationReadyEvent event) {
        var json = event.getApplicationContext().getBean(FhirJson.class);
        var thread = new Thread(
                () -> {
                    long started = System.nanoTime();
                    var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
                    bundle.addEntry().setResource(new Appointment().setStatus(Appointment.AppointmentStatus.PROPOSED));
                    bundle.addEntry().setResource(new Slot().setStatus(Slot.SlotStatus.FREE));
                    bundle.addEntry().setResource(new OperationOutcome());
                    json.parseAny(json.encode(bundle));
                    log.debug("FHIR model warmed in {} ms", (System.nanoTime() - started) / 1_000_000);
                },
                "fhir-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
