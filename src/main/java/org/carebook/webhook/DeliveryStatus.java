package org.carebook.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a delivery is: pending (waiting for its next attempt), delivered, or failed for good. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
