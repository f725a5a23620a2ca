package org.carebook.availability;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time {@code [start, end)}. */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("An interval must end after it starts");
        }
    }

    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Interval widened(Duration before, Duration after) {
        return new Interval(start.minus(before), end.plus(after));
    }
}
