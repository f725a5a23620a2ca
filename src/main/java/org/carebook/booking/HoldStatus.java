package org.carebook.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/** A hold's life (docs/api.md §4): active until it is confirmed, released, or reaches its expiry. */
public enum HoldStatus {
    ACTIVE,
    CONFIRMED,
    RELEASED,
    EXPIRED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static HoldStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status at {@code now}: an active hold past its expiry is expired, whether or not the sweeper wrote so yet. */
    HoldStatus at(Instant now, Instant expiresAt) {
        return this == ACTIVE && !expiresAt.isAfter(now) ? EXPIRED : this;
    }
}
