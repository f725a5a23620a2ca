package org.carebook.booking;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.kernel.WireName;

/**
 * The life cycle of docs/api.md §6. Only pending, confirmed and checked-in appointments block time; a pending one
 * becomes confirmed when approved and declined when not. Views carry
 * it as it is; only its JSON form is the wire name.
 */
public enum AppointmentStatus implements WireName {
    PENDING,
    CONFIRMED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    NO_SHOW,
    /** A pending appointment the clinic did not approve, by hand or when its approval window passed. */
    DECLINED;

    static AppointmentStatus fromWire(String value) {
        return WireName.parse(AppointmentStatus.class, value);
    }

    public boolean blocksTime() {
        return this == PENDING || this == CONFIRMED || this == CHECKED_IN;
    }

    /** Reschedules and cancellations are allowed only before the patient has arrived. */
    public boolean isUpcoming() {
        return this == PENDING || this == CONFIRMED;
    }

    boolean canMoveTo(AppointmentStatus next) {
        return switch (next) {
            case CONFIRMED, DECLINED -> this == PENDING;
            case CHECKED_IN, CANCELLED, NO_SHOW -> isUpcoming();
            case COMPLETED -> this == CHECKED_IN;
            case PENDING -> false;
        };
    }

    static final Set<String> WIRE_NAMES =
            Arrays.stream(values()).map(WireName::wire).collect(Collectors.toUnmodifiableSet());
}
