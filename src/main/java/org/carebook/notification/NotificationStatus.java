package org.carebook.notification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a message is: queued until sent, failed for good, or suppressed (recorded, never sent). */
public enum NotificationStatus {
    QUEUED,
    SENT,
    FAILED,
    SUPPRESSED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NotificationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
