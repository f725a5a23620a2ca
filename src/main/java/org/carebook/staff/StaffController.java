package org.carebook.staff;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.carebook.api.Envelope;
import org.carebook.api.JsonFields;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The organization's staff (docs/console.md): owners invite them; an invitation link is shown once. */
@RestController
@RequestMapping("/v1/staff")
class StaffController {

    private static final List<String> ROLES = List.of("owner", "front_desk", "clinician", "read_only");

    private final StaffMembers staff;

    StaffController(StaffMembers staff) {
        this.staff = staff;
    }

    @PostMapping
    @Operation(operationId = "inviteStaff")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.MANAGE_ORGANIZATION)
    @RequestSchema(InvitationRequest.class)
    Envelope<Invitation> invite(Caller caller, @RequestBody JsonNode body) {
        var fields = JsonFields.of(body, InvitationRequest.class);
        String email = fields.email("email", null);
        fields.require("email", email);
        String name = fields.requiredText("name", JsonFields.NAME, null);
        String role = fields.choice("role", java.util.Set.copyOf(ROLES), null);
        fields.require("role", role);
        String clinician = fields.text("clinician_id", JsonFields.TEXT, null);
        var command = new InviteStaff(
                email, name, role == null ? null : StaffRole.fromWire(role).orElseThrow(), clinician);
        fields.throwIfInvalid();
        return Envelope.of(staff.invite(caller, command, fields.problems()));
    }

    @GetMapping
    @Operation(operationId = "listStaff")
    @RequiresScope(Scope.MANAGE_ORGANIZATION)
    ListPage<StaffMember> list(Caller caller) {
        return ListPage.all(staff.list(caller));
    }
}
