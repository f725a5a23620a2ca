package org.carebook.patient;

import org.carebook.events.EventFamily;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PatientEvents {

    @Bean
    EventFamily patientEventFamily() {
        return EventFamily.of(PatientEvent.class);
    }
}
