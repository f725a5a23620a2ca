package org.carebook.staff;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Set;
import org.carebook.api.Envelope;
import org.carebook.api.JsonFields;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The organization's staff (docs/console.md): invited, changed, disabled and removed by live callers holding
 * {@code manage_staff}, never to a role with more than the caller holds. An invitation link is shown once.
 */
@RestController
@RequestMapping("/v1/staff")
class StaffController {

    private static final Set<String> ROLES = Set.of("owner", "front_desk", "clinician", "read_only");
    private static final Set<String> STATUSES = Set.of("active", "disabled");

    private final StaffMembers staff;

    StaffController(StaffMembers staff) {
        this.staff = staff;
    }

    @PostMapping
    @Operation(operationId = "inviteStaff")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(value = Scope.MANAGE_STAFF, liveOnly = true)
    @RequestSchema(InvitationRequest.class)
    Envelope<Invitation> invite(Caller caller, @RequestBody JsonNode body) {
        var fields = JsonFields.of(body, InvitationRequest.class);
        String email = fields.email("email", null);
        fields.require("email", email);
        String name = fields.requiredText("name", JsonFields.NAME, null);
        String role = fields.choice("role", ROLES, null);
        fields.require("role", role);
        String clinician = fields.text("clinician_id", JsonFields.TEXT, null);
        var command = new InviteStaff(email, name, role(role), clinician);
        fields.throwIfInvalid();
        return Envelope.of(staff.invite(caller, command, fields.problems()));
    }

    @GetMapping
    @Operation(operationId = "listStaff")
    @RequiresScope(value = Scope.MANAGE_STAFF, liveOnly = true)
    ListPage<StaffMember> list(Caller caller) {
        return ListPage.all(staff.list(caller));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getStaff")
    @RequiresScope(value = Scope.MANAGE_STAFF, liveOnly = true)
    Envelope<StaffMember> get(Caller caller, @PathVariable String id) {
        return Envelope.of(staff.get(caller, id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "changeStaff")
    @RequiresScope(value = Scope.MANAGE_STAFF, liveOnly = true)
    @RequestSchema(value = StaffChangeRequest.class, partial = true)
    Envelope<StaffMember> change(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var fields = JsonFields.of(body, StaffChangeRequest.class);
        String name = fields.has("name") ? fields.requiredText("name", JsonFields.NAME, null) : null;
        String role = fields.choice("role", ROLES, null);
        String clinician = fields.text("clinician_id", JsonFields.TEXT, null);
        String status = fields.choice("status", STATUSES, null);
        fields.throwIfInvalid();
        var change = new ChangeStaff(
                name,
                role(role),
                clinician,
                status == null ? null : StaffStatus.fromWire(status).orElseThrow());
        return Envelope.of(staff.change(caller, id, change, fields.problems()));
    }

    /** Takes them off the staff and ends their sessions; the answer shows them as {@code removed}. */
    @DeleteMapping("/{id}")
    @Operation(operationId = "removeStaff")
    @RequiresScope(value = Scope.MANAGE_STAFF, liveOnly = true)
    Envelope<StaffMember> remove(Caller caller, @PathVariable String id) {
        return Envelope.of(staff.remove(caller, id));
    }

    private static StaffRole role(String wire) {
        return wire == null ? null : StaffRole.fromWire(wire).orElseThrow();
    }
}
