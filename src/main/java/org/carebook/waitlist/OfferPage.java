package org.carebook.waitlist;

import java.time.OffsetDateTime;

/**
 * A waitlist offer as its patient sees it through the offer's link: the time held for them, until when, and
 * whether it is still {@code open}, or {@code accepted} (with the appointment), {@code declined} or {@code lapsed}.
 */
public record OfferPage(
        String status,
        String clinic,
        String service,
        String clinician,
        String location,
        boolean isRemote,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        OffsetDateTime expiresAt,
        String timezone,
        String appointmentId) {}
