package org.carebook.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import org.carebook.api.JsonFields;

/** The body of a change to a member of staff, as the OpenAPI document shows it. */
@Schema(
        name = "StaffChangeRequest",
        description = "Renames a member of staff, changes their role (the new role's scopes must all be the caller's),"
                + " or disables or enables them. Disabling ends every session of theirs at once.")
record StaffChangeRequest(
        @Schema(maxLength = JsonFields.NAME) String name,

        @Schema(allowableValues = {"owner", "front_desk", "clinician", "read_only"})
        String role,

        @Schema(description = "With the clinician role only.")
        String clinicianId,

        @Schema(allowableValues = {"active", "disabled"}) String status) {}
