package org.carebook.fhir;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body that turns publishing on, as the OpenAPI document shows it. */
@Schema(
        name = "SlotPublicationRequest",
        description = "Publishes the organization's live free times as SMART Scheduling Links. Published slots"
                + " link to the booking page, if given, with the slot chosen.")
record SlotPublicationRequest(
        @Schema(format = "uri", maxLength = 2000, example = "https://clinic.example/book")
        String bookingPageUrl) {}
