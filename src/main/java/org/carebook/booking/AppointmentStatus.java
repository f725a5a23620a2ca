package org.carebook.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * The life cycle of docs/api.md §6. Only pending, confirmed and checked-in appointments block time. Views carry
 * it as it is; only its JSON form is the wire name.
 */
public enum AppointmentStatus {
    PENDING,
    CONFIRMED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AppointmentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
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
            case CONFIRMED -> this == PENDING;
            case CHECKED_IN, CANCELLED, NO_SHOW -> isUpcoming();
            case COMPLETED -> this == CHECKED_IN;
            case PENDING -> false;
        };
    }

    static final Set<String> WIRE_NAMES =
            Set.of("pending", "confirmed", "checked_in", "completed", "cancelled", "no_show");
}
