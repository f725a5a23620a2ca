package org.carebook.waitlist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the waitlist looks for work nobody woke it for: offers run out, entries past their last day, and time
 * freed by another process or by the catalogue (time off removed, hours changed). Freed bookings wake it at once.
 */
@ConfigurationProperties(prefix = "carebook")
record WaitlistSettings(@DefaultValue("PT5S") Duration waitlistPoll) {

    WaitlistSettings {
        if (waitlistPoll.isNegative()) {
            throw new IllegalArgumentException(
                    "CAREBOOK_WAITLIST_POLL must be an ISO-8601 duration such as PT5S (PT0S: off)");
        }
    }
}
