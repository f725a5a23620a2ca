package org.carebook.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import org.carebook.api.Lengths;

/** The body that makes a calendar subscription, as the OpenAPI document shows it. */
@Schema(
        name = "CalendarFeedRequest",
        description = "Whose appointments the subscription lists: one clinician's or one location's, not both.")
record CalendarFeedRequest(
        @Schema(maxLength = Lengths.ID, example = "clin_vC5MfgHmjbcGyUuBxnUclM")
        String clinicianId,

        @Schema(maxLength = Lengths.ID, example = "loc_oAE5e16llqxnP9jOfre5QL")
        String locationId) {}
