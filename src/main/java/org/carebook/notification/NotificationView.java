package org.carebook.notification;

import java.time.Instant;

/**
 * A message to a patient: {@code channel} {@code email} or {@code sms}; {@code status} {@code queued},
 * {@code sent}, {@code failed} or {@code suppressed} (recorded, never sent), with {@code suppressed_reason}
 * {@code test_mode}, {@code country_not_allowed} or {@code daily_limit}. {@code kind} says why it exists;
 * {@code send_after} is when it is due (a reminder's moment). It is about an appointment, or (an offer of a freed
 * time) a waitlist entry.
 */
public record NotificationView(
        String id,
        String channel,
        String kind,
        String to,
        String subject,
        NotificationStatus status,
        String suppressedReason,
        String appointmentId,
        String waitlistEntryId,
        Instant sendAfter,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
