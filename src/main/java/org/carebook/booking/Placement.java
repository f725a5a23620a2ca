package org.carebook.booking;

import java.time.Instant;
import java.time.ZoneId;

/** Where and when an appointment is: the part a reschedule changes. */
record Placement(
        String clinicianId, String locationId, String roomId, boolean remote, ZoneId zone, Instant start, Instant end) {

    Placement withRoom(String room) {
        return new Placement(clinicianId, locationId, room, remote, zone, start, end);
    }
}
