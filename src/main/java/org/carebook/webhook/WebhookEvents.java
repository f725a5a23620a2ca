package org.carebook.webhook;

import org.carebook.events.EventFamily;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookEvents {

    @Bean
    EventFamily webhookEventFamily() {
        return EventFamily.of(WebhookEvent.class);
    }
}
