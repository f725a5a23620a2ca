package org.carebook.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often expired holds are tidied away, and how much memory cached availability answers may take. */
@ConfigurationProperties(prefix = "carebook")
record BookingSettings(
        @DefaultValue("PT30S") Duration holdSweep,
        @DefaultValue("32") int availabilityCacheMb) {

    BookingSettings {
        if (holdSweep.isNegative()) {
            throw new IllegalArgumentException(
                    "CAREBOOK_HOLD_SWEEP must be an ISO-8601 duration such as PT30S (PT0S: off)");
        }
        if (availabilityCacheMb < 0) {
            throw new IllegalArgumentException("CAREBOOK_AVAILABILITY_CACHE_MB must be 0 (off) or more");
        }
    }
}
