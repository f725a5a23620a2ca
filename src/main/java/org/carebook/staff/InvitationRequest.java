package org.carebook.staff;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import org.carebook.api.Lengths;
import org.carebook.kernel.Problems;

/** The body of an invitation to the console, as the OpenAPI document shows it. */
@Schema(
        name = "InvitationRequest",
        description = "Invites a member of staff by e-mail. A clinician's account names their clinician. The role's "
                + "scopes must all be scopes the caller holds.")
record InvitationRequest(
        @Schema(requiredMode = REQUIRED, format = "email", maxLength = Lengths.TEXT)
        String email,

        @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME)
        String name,

        @Schema(
                requiredMode = REQUIRED,
                allowableValues = {"owner", "front_desk", "clinician", "read_only"})
        String role,

        String clinicianId) {

    InviteStaff command(Problems problems) {
        problems.require("email", email);
        problems.requireText("name", name);
        problems.require("role", role);
        problems.throwIfAny();
        return new InviteStaff(email, name, StaffRole.fromWire(role).orElseThrow(), clinicianId);
    }
}
