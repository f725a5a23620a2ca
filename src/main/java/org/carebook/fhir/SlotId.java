package org.carebook.fhir;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of a derived Slot: its schedule, its appointment type and its start, so the same time of the same
 * schedule and type has the same id whether free or busy, today and tomorrow, and a read can find it again
 * without storing it. Written as {@code <schedule>.<type>.<start in epoch seconds, base 36>}: 53 characters at
 * most, within FHIR's 64.
 */
record SlotId(String scheduleId, String appointmentTypeId, Instant start) {

    private static final Pattern SHAPE = Pattern.compile("([0-9A-Za-z]{22})\\.([0-9A-Za-z]{22})\\.([0-9a-z]{1,8})");

    String fhirId() {
        return FhirIds.randomPart(scheduleId) + "." + FhirIds.randomPart(appointmentTypeId) + "."
                + Long.toString(start.getEpochSecond(), 36);
    }

    static Optional<SlotId> parse(String fhirId) {
        var match = fhirId == null ? null : SHAPE.matcher(fhirId);
        if (match == null || !match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SlotId(
                "sched_" + match.group(1),
                "type_" + match.group(2),
                Instant.ofEpochSecond(Long.parseLong(match.group(3), 36))));
    }
}
