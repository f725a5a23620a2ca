package org.carebook.waitlist;

import org.carebook.events.EventFamily;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WaitlistEvents {

    @Bean
    EventFamily waitlistEventFamily() {
        return EventFamily.of(WaitlistEvent.class);
    }
}
