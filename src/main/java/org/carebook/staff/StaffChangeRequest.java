package org.carebook.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import org.carebook.api.Body;
import org.carebook.api.Lengths;

/** The body of a change to a member of staff, as the OpenAPI document shows it. */
@Schema(
        name = "StaffChangeRequest",
        description = "Renames a member of staff, changes their role (the new role's scopes must all be the caller's),"
                + " or disables or enables them. Disabling ends every session of theirs at once.")
record StaffChangeRequest(
        @Schema(maxLength = Lengths.NAME) String name,

        @Schema(allowableValues = {"owner", "front_desk", "clinician", "read_only"})
        String role,

        @Schema(description = "With the clinician role only.")
        String clinicianId,

        @Schema(allowableValues = {"active", "disabled"}) String status) {

    /** A name, once given, cannot be blank. */
    ChangeStaff command(Body<StaffChangeRequest> body) {
        if (body.gives("name")) {
            body.problems().requireText("name", name);
        }
        body.valid();
        return new ChangeStaff(
                name,
                role == null ? null : StaffRole.fromWire(role).orElseThrow(),
                clinicianId,
                status == null ? null : StaffStatus.fromWire(status).orElseThrow());
    }
}
