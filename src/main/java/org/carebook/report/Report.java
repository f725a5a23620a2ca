package org.carebook.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One location's figures for the local dates {@code from} to {@code to}, both included. Appointments count on
 * the date they take place; declined requests count nowhere.
 */
public record Report(
        String locationId,
        LocalDate from,
        LocalDate to,
        List<Utilisation> utilisation,
        Attendance attendance,
        LeadTime leadTime,
        List<Count> sources,
        List<Count> cancellations) {

    /** A clinician's working time there and the part of it booked (no-shows included: they held the time). */
    public record Utilisation(String clinicianId, String clinician, long offeredMinutes, long bookedMinutes) {

        /** Booked ÷ offered, or 0 with nothing offered. */
        public double share() {
            return offeredMinutes == 0 ? 0 : (double) bookedMinutes / offeredMinutes;
        }
    }

    /**
     * {@code due}: appointments that came to their time (checked in, completed or no-show); {@code booked}: every
     * appointment of the period; late cancellations are those stored as late when they were cancelled: inside the
     * cancellation notice of the type, or else of the organization (none without a notice).
     */
    public record Attendance(long due, long noShows, long booked, long lateCancellations) {

        public double noShowRate() {
            return due == 0 ? 0 : (double) noShows / due;
        }

        public double lateCancellationRate() {
            return booked == 0 ? 0 : (double) lateCancellations / booked;
        }
    }

    /** Days from booking to visit: the mean, the median, and how many fall in each span. */
    public record LeadTime(long bookings, double meanDays, double medianDays, List<Count> spans) {}

    /** A label (a source, a reason, a span) and how many. */
    public record Count(String label, long count) {}

    /** Total minutes offered and booked at the location. */
    public Utilisation total() {
        return new Utilisation(
                null,
                "All clinicians",
                utilisation.stream().mapToLong(Utilisation::offeredMinutes).sum(),
                utilisation.stream().mapToLong(Utilisation::bookedMinutes).sum());
    }
}
