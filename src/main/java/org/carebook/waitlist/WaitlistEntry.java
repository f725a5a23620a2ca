package org.carebook.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Tenant;

/**
 * A patient waiting for a time of one service. Its named transitions are the only way it changes: {@code offered}
 * when a time is held for the patient, {@code backInLine} when they decline it or let it lapse, {@code booked} when
 * they accept, {@code expired} after its last day, {@code removed} when the clinic or patient takes it off.
 */
record WaitlistEntry(
        String id,
        Tenant tenant,
        String patientId,
        String appointmentTypeId,
        Preferences preferences,
        EntryStatus status,
        String appointmentId,
        String source,
        Instant createdAt,
        Instant updatedAt) {

    static WaitlistEntry joined(
            String id, Tenant tenant, String patientId, String typeId, Preferences wants, String source, Instant now) {
        return new WaitlistEntry(id, tenant, patientId, typeId, wants, EntryStatus.WAITING, null, source, now, now);
    }

    WaitlistEntry offered(Instant now) {
        return becomes(EntryStatus.WAITING, EntryStatus.OFFERED, null, now);
    }

    WaitlistEntry backInLine(Instant now) {
        return becomes(EntryStatus.OFFERED, EntryStatus.WAITING, null, now);
    }

    WaitlistEntry booked(String appointment, Instant now) {
        return becomes(EntryStatus.OFFERED, EntryStatus.BOOKED, appointment, now);
    }

    WaitlistEntry expired(Instant now) {
        if (!status.isLive()) {
            throw CarebookException.invalidState("Only a live entry can expire.");
        }
        return with(EntryStatus.EXPIRED, null, now);
    }

    WaitlistEntry removed(Instant now) {
        if (!status.isLive()) {
            throw CarebookException.invalidState(
                    "The entry is " + status.wire() + "; only a live entry can be removed.");
        }
        return with(EntryStatus.REMOVED, null, now);
    }

    /** Whether its last day has passed in the clock of the day {@code today} is read in. */
    boolean isPast(LocalDate today) {
        return preferences.until().isBefore(today);
    }

    private WaitlistEntry becomes(EntryStatus from, EntryStatus to, String appointment, Instant now) {
        if (status != from) {
            throw CarebookException.invalidState("The entry is " + status.wire() + ", not " + from.wire() + ".");
        }
        return with(to, appointment, now);
    }

    private WaitlistEntry with(EntryStatus next, String appointment, Instant now) {
        return new WaitlistEntry(
                id, tenant, patientId, appointmentTypeId, preferences, next, appointment, source, createdAt, now);
    }

    WaitlistEntryView view(WaitlistEntryView.Offer offer) {
        var p = preferences;
        return new WaitlistEntryView(
                id,
                status,
                patientId,
                appointmentTypeId,
                p.clinicianId(),
                p.locationId(),
                p.days().stream()
                        .sorted()
                        .map(d -> d.name().toLowerCase(java.util.Locale.ROOT))
                        .toList(),
                p.times(),
                p.until(),
                appointmentId,
                offer,
                source,
                createdAt,
                updatedAt);
    }
}
