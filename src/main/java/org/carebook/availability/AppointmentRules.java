package org.carebook.availability;

import java.time.Duration;
import java.util.Set;

/** What the slot engine needs of an appointment type (docs/api.md §2). An empty clinician set means every clinician. */
public record AppointmentRules(
        String id,
        Duration duration,
        Duration interval,
        Duration bufferBefore,
        Duration bufferAfter,
        Duration minNotice,
        Duration maxAdvance,
        boolean inPerson,
        boolean remote,
        boolean requiresRoom,
        Set<String> clinicianIds,
        boolean active,
        boolean onlineBookable) {

    public AppointmentRules {
        if (duration.isNegative() || duration.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Duration and slot interval must be positive");
        }
        clinicianIds = Set.copyOf(clinicianIds);
    }

    boolean offeredBy(String clinicianId) {
        return clinicianIds.isEmpty() || clinicianIds.contains(clinicianId);
    }

    boolean offeredIn(boolean remoteMode) {
        return remoteMode ? remote : inPerson;
    }
}
