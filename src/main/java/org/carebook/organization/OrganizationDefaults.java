package org.carebook.organization;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** What an organization gets unless it says otherwise: how long a hold lasts. */
@ConfigurationProperties(prefix = "carebook")
record OrganizationDefaults(@DefaultValue("PT15M") Duration holdTtl) {

    OrganizationDefaults {
        if (holdTtl.isNegative() || holdTtl.isZero()) {
            throw new IllegalArgumentException("CAREBOOK_HOLD_TTL must be a positive ISO-8601 duration such as PT15M");
        }
    }
}
