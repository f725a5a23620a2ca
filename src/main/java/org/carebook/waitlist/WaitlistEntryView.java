package org.carebook.waitlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A waitlist entry as the API shows it (docs/api.md §6c): ids, what suits the patient, where it is, and the offer
 * open to it, if any. No patient data but the patient's id; a browser's key is shown even less ({@link #forBrowser}).
 */
public record WaitlistEntryView(
        String id,
        EntryStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String patientId,
        String appointmentTypeId,
        String clinicianId,
        String locationId,
        List<String> days,
        List<TimeOfDay> times,
        LocalDate until,
        String appointmentId,
        Offer offer,
        String source,
        Instant createdAt,
        Instant updatedAt) {

    /** The time held for the patient, until when. */
    public record Offer(
            String id,
            String clinicianId,
            String locationId,
            OffsetDateTime startTime,
            OffsetDateTime endTime,
            OffsetDateTime expiresAt) {}

    /** What a publishable key, held by anyone, learns: not whose entry it is. */
    WaitlistEntryView forBrowser() {
        return new WaitlistEntryView(
                id,
                status,
                null,
                appointmentTypeId,
                clinicianId,
                locationId,
                days,
                times,
                until,
                null,
                null,
                source,
                createdAt,
                updatedAt);
    }
}
