package org.carebook.booking;

import java.util.List;
import java.util.Map;
import org.carebook.availability.Interval;
import org.carebook.availability.Slot;

/**
 * A type's grid before anything takes time from it, with the time off and taken time that decide what keeps each
 * slot that is not free from being offered.
 */
record SlotGrid(List<Slot> slots, Map<String, List<Interval>> timeOff, Map<String, List<BusyTime.Taken>> taken) {

    /** What keeps a slot that is not free from being offered. */
    SlotState stateOf(Slot slot) {
        var at = new Interval(slot.start(), slot.end());
        if (timeOff.getOrDefault(slot.clinicianId(), List.of()).stream().anyMatch(at::overlaps)) {
            return SlotState.BUSY_UNAVAILABLE;
        }
        var over = taken.getOrDefault(slot.clinicianId(), List.of()).stream()
                .filter(t -> t.interval().overlaps(at))
                .toList();
        return !over.isEmpty() && over.stream().allMatch(BusyTime.Taken::tentative)
                ? SlotState.BUSY_TENTATIVE
                : SlotState.BUSY;
    }
}
