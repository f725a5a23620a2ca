package org.carebook.booking;

import java.time.Instant;
import java.time.ZoneId;

/** Where and when an appointment is: the part a reschedule changes. */
record Placement(
        String clinicianId, String locationId, String roomId, boolean remote, ZoneId zone, Instant start, Instant end) {

    /** The same place and length, starting at {@code at}: the next occurrence of a series. */
    Placement startingAt(Instant at) {
        return new Placement(
                clinicianId, locationId, roomId, remote, zone, at, at.plus(java.time.Duration.between(start, end)));
    }

    Placement withRoom(String room) {
        return new Placement(clinicianId, locationId, room, remote, zone, start, end);
    }
}
