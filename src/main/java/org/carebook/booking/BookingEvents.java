package org.carebook.booking;

import org.carebook.events.EventFamily;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BookingEvents {

    @Bean
    EventFamily appointmentEventFamily() {
        return EventFamily.of(AppointmentEvent.class);
    }

    @Bean
    EventFamily seriesEventFamily() {
        return EventFamily.of(SeriesEvent.class);
    }

    @Bean
    EventFamily holdEventFamily() {
        return EventFamily.of(HoldEvent.class);
    }
}
