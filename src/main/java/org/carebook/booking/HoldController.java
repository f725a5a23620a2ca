package org.carebook.booking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.RequestSchema;
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
    @Operation(operationId = "placeHold")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_HOLDS)
    @RequestSchema(BookingRequests.PlaceHold.class)
    Envelope<HoldView> place(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, BookingRequests.PlaceHold.class);
        return Envelope.of(holds.place(caller, read.value().command(read), read.problems()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getHold")
    @RequiresScope(Scope.WRITE_HOLDS)
    Envelope<HoldView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(holds.get(caller, id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "releaseHold")
    @RequiresScope(Scope.WRITE_HOLDS)
    Envelope<HoldView> release(Caller caller, @PathVariable String id) {
        return Envelope.of(holds.release(caller, id));
    }

    /**
     * 201 when this call made the appointment, 200 when an earlier confirm of the same hold did. A publishable
     * key is shown only the appointment's booking facts, not the patient's details or the clinic's notes.
     */
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Booked.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Booked.class)))
    @PostMapping("/{id}/confirm")
    @Operation(operationId = "confirmHold")
    @RequiresScope(Scope.WRITE_HOLDS)
    @RequestSchema(BookingRequests.ConfirmHold.class)
    ResponseEntity<Envelope<Object>> confirm(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, BookingRequests.ConfirmHold.class);
        var command = read.value().command(read, caller.isPublishable());
        var confirmation = holds.confirm(caller, id, command, read.problems());
        var appointment = confirmation.appointment();
        Object shown = caller.isPublishable() ? appointment.forBrowser() : appointment;
        var status = confirmation instanceof Holds.Confirmation.Booked ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(Envelope.of(shown));
    }

    /** Documentation only: the answer to a confirm. */
    @Schema(name = "EnvelopeAppointmentView")
    record Booked(AppointmentView data) {}
}
