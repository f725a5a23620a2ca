package org.carebook.calendar;

import java.time.Instant;

/**
 * A clinician's linked calendar: where it is read from, how often, and how its last read went. Its password is
 * never shown, only whether it has one, nor the path of an .ics address (such addresses are often secret); {@code problem} says why the last read failed, in words about the
 * connection, never about an event.
 */
public record CalendarLinkView(
        String id,
        String clinicianId,
        LinkKind kind,
        String url,
        String username,
        boolean hasPassword,
        int pollMinutes,
        SyncStatus syncStatus,
        String problem,
        int busyTimes,
        Instant polledAt,
        Instant nextPollAt,
        Instant createdAt) {}
