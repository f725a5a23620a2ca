package org.carebook.waitlist;

import java.time.LocalTime;

/** A part of the day that suits the patient, in the location's own clock: a slot must start and end within it. */
public record TimeOfDay(LocalTime start, LocalTime end) {

    boolean holds(LocalTime from, LocalTime to) {
        return !from.isBefore(start) && !to.isAfter(end) && !to.isBefore(from);
    }
}
