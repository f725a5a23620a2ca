package org.carebook.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Whom staff e-mails come from; where their links point is {@link org.carebook.kernel.PublicAddress}. */
@ConfigurationProperties(prefix = "carebook")
record StaffSettings(
        @DefaultValue("Carebook <no-reply@carebook.invalid>")
        String mailFrom) {}
