package org.carebook.selfservice;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.ForPatientLink;
import org.carebook.api.RequestSchema;
import org.carebook.booking.AvailabilityAnswers;
import org.carebook.booking.HoldView;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The manage page's API: the link's token is the bearer credential, and it names the appointment. */
@RestController
@RequestMapping("/v1/self-service/appointment")
class SelfServiceController {

    private final SelfService selfService;
    private final AvailabilityAnswers answers;

    SelfServiceController(SelfService selfService, AvailabilityAnswers answers) {
        this.selfService = selfService;
        this.answers = answers;
    }

    @GetMapping
    @Operation(operationId = "getManagedAppointment")
    @ForPatientLink
    Envelope<ManagedAppointment> show(Caller caller) {
        return Envelope.of(selfService.show(caller));
    }

    @PostMapping("/cancel")
    @Operation(operationId = "cancelManagedAppointment")
    @ForPatientLink
    @RequestSchema(SelfServiceRequests.Cancel.class)
    Envelope<ManagedAppointment> cancel(Caller caller, @RequestBody JsonNode body) {
        var cancel = BodyReader.read(body, SelfServiceRequests.Cancel.class).valid();
        return Envelope.of(selfService.cancel(caller, cancel.reason()));
    }

    @GetMapping("/availability")
    @Operation(operationId = "findManagedAppointmentTimes")
    @ForPatientLink
    ResponseEntity<byte[]> availability(
            Caller caller,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate) {
        var problems = new Problems();
        var from = AvailabilityAnswers.requiredDate(startDate, "start_date", problems);
        var to = AvailabilityAnswers.requiredDate(endDate, "end_date", problems);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(answers.answer(caller, selfService.timesToMoveTo(caller, from, to), problems));
    }

    @PostMapping("/holds")
    @Operation(operationId = "holdManagedAppointmentTime")
    @ResponseStatus(HttpStatus.CREATED)
    @ForPatientLink
    @RequestSchema(SelfServiceRequests.Hold.class)
    Envelope<HoldView> hold(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, SelfServiceRequests.Hold.class);
        var start = read.value().startTime();
        read.problems().require("start_time", start);
        return Envelope.of(selfService.hold(caller, start == null ? null : start.toInstant(), read.problems()));
    }

    @PostMapping("/reschedule")
    @Operation(operationId = "rescheduleManagedAppointment")
    @ForPatientLink
    @RequestSchema(SelfServiceRequests.Reschedule.class)
    Envelope<ManagedAppointment> reschedule(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, SelfServiceRequests.Reschedule.class);
        read.problems().requireText("hold_id", read.value().holdId());
        return Envelope.of(selfService.reschedule(caller, read.valid().holdId()));
    }
}
