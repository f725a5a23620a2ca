package org.carebook.booking;

import java.time.OffsetDateTime;
import java.util.List;
import org.carebook.kernel.WireName;

/**
 * A series on the wire (docs/api.md, "Appointment series"): its rule, the appointments it booked in the order of
 * its dates, and the dates it skipped. Ids, times and states only: what the patient or clinic wrote is on each
 * appointment, so this is also what {@code appointment_series.*} events carry.
 */
public record SeriesView(
        String id,
        Status status,
        String patientId,
        String appointmentTypeId,
        String clinicianId,
        String locationId,
        boolean isRemote,
        String timezone,
        Recurrence recurrence,
        BookSeries.OnConflict onConflict,
        List<Occurrence> occurrences,
        List<SkippedDate> skipped,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public enum Status implements WireName {
        ACTIVE,
        CANCELLED
    }

    /** One booked date of the series: its appointment, as it is now. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SeriesOccurrence")
    public record Occurrence(
            int index,
            String appointmentId,
            AppointmentStatus status,
            OffsetDateTime startTime,
            OffsetDateTime endTime) {}
}
