package org.carebook.catalog;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.QueryParams;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/schedules")
class ScheduleController {

    private final Schedules schedules;

    ScheduleController(Schedules schedules) {
        this.schedules = schedules;
    }

    @PostMapping
    @Operation(operationId = "createSchedule")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CatalogRequests.Schedule.class)
    Envelope<ScheduleView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.Schedule.class);
        return Envelope.of(
                schedules.create(caller.tenant(), read.change(read.value().draft(read)), read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listSchedules")
    @RequiresScope(Scope.READ_CATALOG)
    ListPage<ScheduleView> list(
            Caller caller,
            @RequestParam(name = "clinician_id", required = false) String clinicianId,
            @RequestParam(name = "location_id", required = false) String locationId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return schedules.list(caller.tenant(), clinicianId, locationId, PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSchedule")
    @RequiresScope(Scope.READ_CATALOG)
    Envelope<ScheduleView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(schedules.get(caller.tenant(), id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateSchedule")
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(value = CatalogRequests.Schedule.class, partial = true)
    Envelope<ScheduleView> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.Schedule.class);
        return Envelope.of(
                schedules.update(caller.tenant(), id, read.change(read.value().draft(read)), read.problems()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deactivateSchedule")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<ScheduleView> delete(Caller caller, @PathVariable String id) {
        return Envelope.of(schedules.deactivate(caller.tenant(), id));
    }

    @PutMapping("/{id}/exceptions/{date}")
    @Operation(operationId = "setScheduleException")
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CatalogRequests.DateHours.class)
    Envelope<ScheduleView.DateException> putException(
            Caller caller, @PathVariable String id, @PathVariable String date, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.DateHours.class);
        var periods = read.value().hours();
        read.problems().require("hours", periods);
        var hours = periods == null ? null : CatalogRequests.hours(periods, read, "hours");
        read.valid();
        return Envelope.of(schedules.putException(caller.tenant(), id, date(date), hours, read.problems()));
    }

    @GetMapping("/{id}/exceptions")
    @Operation(operationId = "listScheduleExceptions")
    @RequiresScope(Scope.READ_CATALOG)
    ListPage<ScheduleView.DateException> exceptions(Caller caller, @PathVariable String id) {
        return ListPage.all(schedules.exceptions(caller.tenant(), id));
    }

    @GetMapping("/{id}/exceptions/{date}")
    @Operation(operationId = "getScheduleException")
    @RequiresScope(Scope.READ_CATALOG)
    Envelope<ScheduleView.DateException> exception(Caller caller, @PathVariable String id, @PathVariable String date) {
        return Envelope.of(schedules.exception(caller.tenant(), id, date(date)));
    }

    @DeleteMapping("/{id}/exceptions/{date}")
    @Operation(operationId = "removeScheduleException")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<ScheduleView.DateException> removeException(
            Caller caller, @PathVariable String id, @PathVariable String date) {
        return Envelope.of(schedules.removeException(caller.tenant(), id, date(date)));
    }

    private static LocalDate date(String text) {
        return QueryParams.date(text).orElseThrow(() -> CarebookException.notFound("There is no such date."));
    }
}
