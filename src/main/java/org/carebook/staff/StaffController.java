package org.carebook.staff;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
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
        var read = BodyReader.read(body, InvitationRequest.class);
        var command = read.value().command(read.problems());
        return Envelope.of(staff.invite(caller, command, read.problems()));
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
        var read = BodyReader.read(body, StaffChangeRequest.class);
        var change = read.value().command(read);
        return Envelope.of(staff.change(caller, id, change, read.problems()));
    }

    /** Takes them off the staff and ends their sessions; the answer shows them as {@code removed}. */
    @DeleteMapping("/{id}")
    @Operation(operationId = "removeStaff")
    @RequiresScope(value = Scope.MANAGE_STAFF, liveOnly = true)
    Envelope<StaffMember> remove(Caller caller, @PathVariable String id) {
        return Envelope.of(staff.remove(caller, id));
    }
}
