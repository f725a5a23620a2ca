package org.carebook.webhook;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.carebook.api.Lengths;

/** The body of the webhook endpoint routes (docs/api.md §7), as the OpenAPI document shows it. */
@Schema(name = "WebhookEndpointRequest", description = "Where to deliver which events.")
record WebhookEndpointRequest(
        @Schema(requiredMode = REQUIRED, format = "uri", maxLength = 2000, example = "https://ehr.example/hooks")
        String url,

        @ArraySchema(
                maxItems = 20,
                items = @Schema(maxLength = 40),
                arraySchema =
                        @Schema(
                                requiredMode = REQUIRED,
                                description = "Event types such as appointment.booked, or * for all; at most 20."))
        List<String> events,

        @Schema(maxLength = Lengths.TEXT) String description,

        @Schema(
                allowableValues = {"enabled", "disabled"},
                defaultValue = "enabled")
        String status) {}
