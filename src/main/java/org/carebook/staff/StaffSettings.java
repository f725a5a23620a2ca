package org.carebook.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whom staff e-mails come from, and how often the staff outbox is looked at ({@code CAREBOOK_STAFF_MAIL_POLL},
 * 0 to never); where their links point is {@link org.carebook.kernel.PublicAddress}.
 */
@ConfigurationProperties(prefix = "carebook")
record StaffSettings(
        @DefaultValue("Carebook <no-reply@carebook.invalid>")
        String mailFrom,

        @DefaultValue("1s") Duration staffMailPoll) {}
