package org.carebook.report;

import java.time.LocalDate;

/**
 * One date at a location, as the console's month shows it: appointments booked (not cancelled; a class's
 * attendees each count), those waiting for approval, and the minutes of working time offered and booked.
 */
public record DayLoad(LocalDate date, long booked, long pending, long offeredMinutes, long bookedMinutes) {

    /** Booked ÷ offered minutes, or 0 with nothing offered. */
    public double share() {
        return offeredMinutes == 0 ? 0 : (double) bookedMinutes / offeredMinutes;
    }
}
