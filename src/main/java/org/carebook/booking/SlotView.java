package org.carebook.booking;

import java.time.OffsetDateTime;

import org.carebook.availability.Slot;

/** One offered time on the wire (API.md §3). */
public record SlotView(OffsetDateTime startTime, OffsetDateTime endTime, String clinicianId, String clinicianName,
                       String locationId, String locationName, boolean isRemote, String appointmentTypeId) {

    static SlotView of(Slot slot) {
        return new SlotView(slot.startTime(), slot.endTime(), slot.clinicianId(), slot.clinicianName(),
                slot.locationId(), slot.locationName(), slot.remote(), slot.appointmentTypeId());
    }
}
