package org.carebook.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How webhooks are sent (where they may go is {@link org.carebook.egress.UrlGuard}'s): how often the outbox is read, how long a receiver may take, the first retry's wait. */
@ConfigurationProperties(prefix = "carebook")
record WebhookSettings(
        @DefaultValue("PT1S") Duration webhookPoll,
        @DefaultValue("PT10S") Duration webhookTimeout,
        @DefaultValue("PT5S") Duration webhookFirstRetry) {

    WebhookSettings {
        if (webhookPoll.isNegative()) {
            throw new IllegalArgumentException(
                    "CAREBOOK_WEBHOOK_POLL must be an ISO-8601 duration such as PT1S (PT0S: off)");
        }
        if (webhookTimeout.isNegative()
                || webhookTimeout.isZero()
                || webhookFirstRetry.isNegative()
                || webhookFirstRetry.isZero()
                || webhookFirstRetry.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("CAREBOOK_WEBHOOK_TIMEOUT must be positive, and "
                    + "CAREBOOK_WEBHOOK_FIRST_RETRY positive and at most PT30S");
        }
    }
}
