package org.carebook.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Keep a slot for one visitor (docs/api.md §4). Without a location the hold is for remote time
 * ({@code remote} true); the start is an instant or a local date and time where the slot is.
 */
public record PlaceHold(String appointmentTypeId, String clinicianId, String locationId, Boolean remote, Start start) {

    public sealed interface Start {

        record At(Instant instant) implements Start {}

        /** Read in the location's zone, or the clinician's remote hours' zone; a time the clocks skip is no slot. */
        record Local(LocalDate date, LocalTime time) implements Start {}
    }
}
