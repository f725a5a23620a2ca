package org.carebook.booking;

import java.time.Instant;
import org.carebook.kernel.WireName;

/** A hold's life (docs/api.md §4): active until it is confirmed, released, or reaches its expiry. */
public enum HoldStatus implements WireName {
    ACTIVE,
    CONFIRMED,
    RELEASED,
    EXPIRED;

    static HoldStatus fromWire(String value) {
        return WireName.parse(HoldStatus.class, value);
    }

    /** The status at {@code now}: an active hold past its expiry is expired, whether or not the sweeper wrote so yet. */
    HoldStatus at(Instant now, Instant expiresAt) {
        return this == ACTIVE && !expiresAt.isAfter(now) ? EXPIRED : this;
    }
}
