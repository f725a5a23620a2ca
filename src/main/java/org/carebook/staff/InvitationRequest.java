package org.carebook.staff;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import org.carebook.api.JsonFields;

/** The body of an invitation to the console, as the OpenAPI document shows it. */
@Schema(
        name = "InvitationRequest",
        description = "Invites a member of staff by e-mail. A clinician's account names their clinician. The role's "
                + "scopes must all be scopes the caller holds.")
record InvitationRequest(
        @Schema(requiredMode = REQUIRED, format = "email", maxLength = JsonFields.TEXT)
        String email,

        @Schema(requiredMode = REQUIRED, maxLength = JsonFields.NAME)
        String name,

        @Schema(
                requiredMode = REQUIRED,
                allowableValues = {"owner", "front_desk", "clinician", "read_only"})
        String role,

        String clinicianId) {}
