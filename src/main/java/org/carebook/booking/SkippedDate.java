package org.carebook.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.carebook.kernel.WireName;

/**
 * A date of a series' rule that could not be booked, and why: what a rejected series lists in its 409 and a
 * skipping series keeps. {@code startTime} is null when the clock time does not exist that day.
 */
public record SkippedDate(int index, LocalDate date, OffsetDateTime startTime, Obstacle reason) {

    /** Why an occurrence could not be booked. */
    public enum Obstacle implements WireName {
        /** The clinician or every room is busy then. */
        TAKEN,
        /** Every place in the class at that time is taken. */
        FULL,
        /** The patient has another appointment then. */
        PATIENT_BUSY,
        /** The clinician does not work then, or the time is not one the type's slots start at. */
        OUTSIDE_HOURS,
        /** The clinician is away. */
        TIME_OFF,
        /** Later than the type may be booked ahead. */
        PAST_HORIZON,
        /** Sooner than the type's minimum notice, or already past. */
        TOO_SOON,
        /** The clocks skip that time on that date. */
        NO_SUCH_TIME
    }
}
