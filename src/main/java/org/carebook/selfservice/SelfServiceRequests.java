package org.carebook.selfservice;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.carebook.api.Lengths;

/** The bodies of the manage page's routes, as the OpenAPI document shows them. */
final class SelfServiceRequests {

    private SelfServiceRequests() {}

    @Schema(name = "SelfServiceCancelRequest", description = "The patient cancels, optionally saying why.")
    record Cancel(@Schema(maxLength = Lengths.LONG_TEXT) String reason) {}

    @Schema(name = "SelfServiceHoldRequest", description = "Holds a new time for the appointment.")
    record Hold(
            @Schema(requiredMode = REQUIRED, example = "2026-04-02T14:00:00+01:00")
            OffsetDateTime startTime) {}

    @Schema(name = "SelfServiceRescheduleRequest", description = "Moves the appointment to a held time.")
    record Reschedule(
            @Schema(requiredMode = REQUIRED, example = "hold_5c9m2k8x4q")
            String holdId) {}
}
