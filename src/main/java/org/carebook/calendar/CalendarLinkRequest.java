package org.carebook.calendar;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import org.carebook.api.Lengths;

/** The body that links a clinician's external calendar, as the OpenAPI document shows it. */
@Schema(
        name = "CalendarLinkRequest",
        description = "An external calendar whose busy times block the clinician's time: an .ics address or a CalDAV "
                + "calendar, with a user name and password (or app token) where it needs one.")
record CalendarLinkRequest(
        @Schema(requiredMode = REQUIRED, maxLength = Lengths.ID, example = "clin_vC5MfgHmjbcGyUuBxnUclM")
        String clinicianId,

        @Schema(
                requiredMode = REQUIRED,
                allowableValues = {"ics", "caldav"})
        String kind,

        @Schema(
                requiredMode = REQUIRED,
                format = "uri",
                maxLength = 2000,
                example = "https://caldav.example/dav/calendars/dr-jones/work/")
        String url,

        @Schema(maxLength = 200) String username,

        @Schema(maxLength = 500, accessMode = Schema.AccessMode.WRITE_ONLY, description = "Stored sealed; never shown.")
        String password,

        @Schema(minimum = "1", maximum = "1440", defaultValue = "15", description = "How often it is read.")
        Integer pollMinutes) {}
