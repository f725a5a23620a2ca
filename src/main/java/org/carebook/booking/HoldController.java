package org.carebook.booking;

import org.carebook.api.Envelope;
import org.carebook.api.JsonFields;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/holds")
class HoldController {

    private final Holds holds;

    HoldController(Holds holds) {
        this.holds = holds;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_HOLDS)
    Envelope<HoldView> place(Caller caller, @RequestBody JsonNode body) {
        var fields = JsonFields.of(body, BookingForms.PLACE_FIELDS);
        return Envelope.of(holds.place(caller, BookingForms.placeHold(fields), fields.problems()));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.WRITE_HOLDS)
    Envelope<HoldView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(holds.get(caller, id));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.WRITE_HOLDS)
    Envelope<HoldView> release(Caller caller, @PathVariable String id) {
        return Envelope.of(holds.release(caller, id));
    }

    /** 201 when this call made the appointment, 200 when an earlier confirm of the same hold did. */
    @PostMapping("/{id}/confirm")
    @RequiresScope(Scope.WRITE_HOLDS)
    ResponseEntity<Envelope<Object>> confirm(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var fields = JsonFields.of(body, BookingForms.CONFIRM_FIELDS);
        var command = BookingForms.confirmHold(fields, caller.isPublishable());
        var confirmation = holds.confirm(caller, id, command, fields.problems());
        var appointment = confirmation.appointment();
        Object shown = caller.isPublishable() ? appointment.forBrowser() : appointment;
        var status = confirmation instanceof Holds.Confirmation.Booked ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(Envelope.of(shown));
    }
}
