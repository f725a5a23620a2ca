package org.carebook.booking;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/group-sessions")
class GroupSessionController {

    private final GroupSessions sessions;

    GroupSessionController(GroupSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getGroupSession")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    Envelope<GroupSessionView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(sessions.get(caller, id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelGroupSession")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(BookingRequests.CancelAppointment.class)
    Envelope<GroupSessionView> cancel(
            Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        var read = BodyReader.readOptional(body, BookingRequests.CancelAppointment.class);
        return Envelope.of(sessions.cancel(caller, id, read.value().command(read)));
    }
}
