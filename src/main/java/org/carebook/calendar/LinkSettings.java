package org.carebook.calendar;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How linked calendars are read: how often due links are looked for, how long a calendar server may take, and the
 * key that seals their passwords ({@code CAREBOOK_CREDENTIALS_KEY}, 32 bytes in base64; without it, a key kept in
 * the data directory, which only suits a single process).
 */
@ConfigurationProperties(prefix = "carebook")
record LinkSettings(
        @DefaultValue("PT10S") Duration calendarPoll,
        @DefaultValue("PT20S") Duration calendarTimeout,
        String credentialsKey,
        @DefaultValue("./data") Path dataDir) {

    LinkSettings {
        if (calendarPoll.isNegative() || calendarTimeout.isNegative() || calendarTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "CAREBOOK_CALENDAR_POLL must be an ISO-8601 duration such as PT10S (PT0S: off), and "
                            + "CAREBOOK_CALENDAR_TIMEOUT a positive one");
        }
    }
}
