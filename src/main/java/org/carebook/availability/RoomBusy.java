package org.carebook.availability;

import java.util.List;

/** An active room and the times it is taken (appointments and active holds, widened by their buffers). */
public record RoomBusy(String roomId, List<Interval> busy) {

    public RoomBusy {
        busy = List.copyOf(busy);
    }
}
