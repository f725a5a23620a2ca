package org.carebook.booking;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/appointments")
class AppointmentController {

    private final Appointments appointments;
    private final AppointmentReads reads;
    private final CalendarFiles calendars;

    AppointmentController(Appointments appointments, AppointmentReads reads, CalendarFiles calendars) {
        this.appointments = appointments;
        this.reads = reads;
        this.calendars = calendars;
    }

    @PostMapping
    @Operation(operationId = "bookAppointment")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(BookingRequests.BookAppointment.class)
    Envelope<AppointmentView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, BookingRequests.BookAppointment.class);
        return Envelope.of(
                appointments.book(caller, read.value().command(read, caller.isPublishable()), read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listAppointments")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    ListPage<AppointmentView> list(
            Caller caller,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "clinician_id", required = false) String clinicianId,
            @RequestParam(name = "location_id", required = false) String locationId,
            @RequestParam(name = "patient_id", required = false) String patientId,
            @RequestParam(required = false) String status,
            @RequestParam(name = "external_id", required = false) String externalId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return reads.search(
                caller,
                AppointmentFilters.read(startDate, endDate, clinicianId, locationId, patientId, status, externalId),
                PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAppointment")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    Envelope<AppointmentView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(reads.read(caller, id));
    }

    @GetMapping(value = "/{id}/ics")
    @Operation(operationId = "getAppointmentCalendarFile")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    ResponseEntity<String> calendar(Caller caller, @PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".ics\"")
                .body(calendars.of(caller, id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "changeAppointment")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(BookingRequests.ChangeAppointment.class)
    Envelope<AppointmentView> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, BookingRequests.ChangeAppointment.class);
        return Envelope.of(appointments.change(caller, id, read.value().command(read), read.problems()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelAppointment")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(BookingRequests.CancelAppointment.class)
    Envelope<AppointmentView> cancel(
            Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        var read = BodyReader.readOptional(body, BookingRequests.CancelAppointment.class);
        return Envelope.of(appointments.cancel(caller, id, read.value().command(read)));
    }

    @PostMapping("/{id}/confirm")
    @Operation(operationId = "confirmAppointment")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    Envelope<AppointmentView> confirm(Caller caller, @PathVariable String id) {
        return Envelope.of(appointments.confirm(caller, id));
    }

    @PostMapping("/{id}/decline")
    @Operation(operationId = "declineAppointment")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(BookingRequests.DeclineAppointment.class)
    Envelope<AppointmentView> decline(
            Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        var read = BodyReader.readOptional(body, BookingRequests.DeclineAppointment.class);
        return Envelope.of(appointments.decline(caller, id, read.valid().reason()));
    }

    @PostMapping("/{id}/check-in")
    @Operation(operationId = "checkInAppointment")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    Envelope<AppointmentView> checkIn(Caller caller, @PathVariable String id) {
        return Envelope.of(appointments.checkIn(caller, id));
    }

    @PostMapping("/{id}/no-show")
    @Operation(operationId = "markAppointmentNoShow")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    Envelope<AppointmentView> noShow(Caller caller, @PathVariable String id) {
        return Envelope.of(appointments.noShow(caller, id));
    }

    @PostMapping("/{id}/complete")
    @Operation(operationId = "completeAppointment")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    Envelope<AppointmentView> complete(Caller caller, @PathVariable String id) {
        return Envelope.of(appointments.complete(caller, id));
    }
}
