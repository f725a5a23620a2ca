package org.carebook.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Tenant;

/** A series as stored: who, what, where, the rule and how it began; its occurrences are appointments. */
record Series(
        String id,
        Tenant tenant,
        SeriesView.Status status,
        String patientId,
        String appointmentTypeId,
        String clinicianId,
        String locationId,
        boolean remote,
        ZoneId zone,
        Instant firstStart,
        Recurrence recurrence,
        BookSeries.OnConflict onConflict,
        Instant createdAt,
        Instant updatedAt) {

    /** The series after its remaining occurrences are cancelled: it books no more. */
    Series cancel(Instant now) {
        if (status == SeriesView.Status.CANCELLED) {
            throw CarebookException.invalidState("The series is already cancelled.");
        }
        return new Series(
                id,
                tenant,
                SeriesView.Status.CANCELLED,
                patientId,
                appointmentTypeId,
                clinicianId,
                locationId,
                remote,
                zone,
                firstStart,
                recurrence,
                onConflict,
                createdAt,
                now);
    }

    SeriesView view(List<SeriesView.Occurrence> occurrences, List<SkippedDate> skipped) {
        return new SeriesView(
                id,
                status,
                patientId,
                appointmentTypeId,
                clinicianId,
                locationId,
                remote,
                zone.getId(),
                recurrence,
                onConflict,
                occurrences,
                skipped,
                at(createdAt),
                at(updatedAt));
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
