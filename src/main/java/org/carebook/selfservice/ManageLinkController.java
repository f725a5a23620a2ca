package org.carebook.selfservice;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.carebook.api.Envelope;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The clinic's side of manage links: issue one to send another way, revoke one; the admin rotates keys. */
@RestController
class ManageLinkController {

    private final ManageLinks links;

    ManageLinkController(ManageLinks links) {
        this.links = links;
    }

    @PostMapping("/v1/appointments/{id}/manage-link")
    @Operation(operationId = "issueManageLink")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    Envelope<IssuedLink> issue(Caller caller, @PathVariable String id) {
        return Envelope.of(new IssuedLink(id, links.issue(caller, id)));
    }

    /** A new manage link, to send to the patient another way; shown only here. */
    record IssuedLink(String appointmentId, String url) {}

    @DeleteMapping("/v1/appointments/{id}/manage-link")
    @Operation(operationId = "revokeManageLink")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable String id) {
        links.revoke(caller, id);
    }

    @GetMapping("/admin/v1/manage-link-keys")
    @Operation(operationId = "listManageLinkKeys")
    Envelope<List<ManageLinks.LinkKeyView>> keys() {
        return Envelope.of(links.keys());
    }

    @PostMapping("/admin/v1/manage-link-keys")
    @Operation(operationId = "rotateManageLinkKeys")
    @ResponseStatus(HttpStatus.CREATED)
    Envelope<ManageLinks.LinkKeyView> rotate() {
        return Envelope.of(links.rotate());
    }

    @DeleteMapping("/admin/v1/manage-link-keys/{id}")
    @Operation(operationId = "retireManageLinkKey")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retire(@PathVariable String id) {
        links.retire(id);
    }
}
