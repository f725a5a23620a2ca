package org.carebook.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an endpoint receives events: disabled by the clinic, or because its receiver answered 410 Gone. */
public enum EndpointStatus {
    ENABLED,
    DISABLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EndpointStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
