package org.carebook.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carebook.availability.Interval;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.LocationView;
import org.carebook.kernel.CarebookException;

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

    /** The rooms a booking of {@code type} may take here: the one named, or every active room when it needs one. */
    List<String> roomsFor(AppointmentTypeView type, LocationView location) {
        if (roomId != null) {
            return List.of(roomId);
        }
        if (!type.requiresRoom() || remote || location == null) {
            return List.of();
        }
        var rooms = location.rooms().stream()
                .filter(LocationView.RoomView::isActive)
                .map(LocationView.RoomView::id)
                .toList();
        if (rooms.isEmpty()) {
            throw CarebookException.conflict("slot_taken", "No room of that location can take this appointment.");
        }
        return rooms;
    }

    /** What a booking here blocks: the clinician and one of {@code rooms} for its time and the type's buffers. */
    BlockingIntervals.Claim claim(
            String ownerId, AppointmentTypeView type, List<String> rooms, String patientId, boolean exclusive) {
        return BlockingIntervals.Claim.of(
                ownerId, type, clinicianId, new Interval(start, end), rooms, patientId, null, exclusive);
    }

    /** What a hold here blocks until {@code expiresAt}: as a booking's claim, with no patient yet. */
    BlockingIntervals.Claim heldUntil(String holdId, AppointmentTypeView type, List<String> rooms, Instant expiresAt) {
        return heldUntil(holdId, type, rooms, null, expiresAt);
    }

    /** As above, for the one patient the server holds it for (null: for whoever books it). */
    BlockingIntervals.Claim heldUntil(
            String holdId, AppointmentTypeView type, List<String> rooms, String patientId, Instant expiresAt) {
        return BlockingIntervals.Claim.of(
                holdId, type, clinicianId, new Interval(start, end), rooms, patientId, expiresAt, true);
    }
}
