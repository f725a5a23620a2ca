package org.carebook.availability;

import java.time.LocalTime;

/** Working hours on one local date, as wall-clock times: {@code [start, end)}. */
public record ClockBlock(LocalTime start, LocalTime end) {

    public ClockBlock {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A block must end after it starts");
        }
    }

    public static ClockBlock of(String start, String end) {
        return new ClockBlock(LocalTime.parse(start), LocalTime.parse(end));
    }
}
