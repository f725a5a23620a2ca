package org.carebook.waitlist;

import org.carebook.kernel.WireName;

/**
 * Where an entry is: waiting in line, offered a time (held for the patient), booked, expired (its last day
 * passed) or removed. An offer declined or let lapse puts it back in line.
 */
public enum EntryStatus implements WireName {
    WAITING,
    OFFERED,
    BOOKED,
    EXPIRED,
    REMOVED;

    static EntryStatus fromWire(String value) {
        return WireName.parse(EntryStatus.class, value);
    }

    boolean isLive() {
        return this == WAITING || this == OFFERED;
    }
}
