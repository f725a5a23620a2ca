package org.carebook.staff;

import java.util.Locale;
import java.util.Optional;

/** Where a membership stands: only an active one signs anybody in to its organization. */
public enum StaffStatus {
    /** Asked to join; the invitation has not been accepted yet. */
    INVITED,
    ACTIVE,
    /** Kept, but signs nobody in until enabled again. */
    DISABLED,
    /** Gone from the organization; kept so that logs can still name who did what. */
    REMOVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<StaffStatus> fromWire(String value) {
        for (var status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
