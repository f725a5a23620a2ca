package org.carebook.waitlist;

import java.time.Instant;

/** A freed time held for one entry's patient ({@code holdId}) until {@code expiresAt}, and what became of it. */
record Offer(
        String id,
        String entryId,
        String holdId,
        String clinicianId,
        String locationId,
        java.time.ZoneId zone,
        Instant start,
        Instant end,
        OfferStatus status,
        Instant expiresAt,
        Instant createdAt) {

    /** Open and not yet answered: lapsed by the sweeper once its time to answer is over. */
    boolean isOpen() {
        return status == OfferStatus.OPEN;
    }

    WaitlistEntryView.Offer view() {
        return new WaitlistEntryView.Offer(
                id,
                clinicianId,
                locationId,
                start.atZone(zone).toOffsetDateTime(),
                end.atZone(zone).toOffsetDateTime(),
                expiresAt.atZone(zone).toOffsetDateTime());
    }

    /** Open, and still within its time to answer. */
    boolean isOpen(Instant now) {
        return status == OfferStatus.OPEN && expiresAt.isAfter(now);
    }
}
