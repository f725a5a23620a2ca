package org.carebook.booking;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/appointment-series")
class SeriesController {

    private final AppointmentSeries series;

    SeriesController(AppointmentSeries series) {
        this.series = series;
    }

    @PostMapping
    @Operation(operationId = "bookAppointmentSeries")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(SeriesRequests.BookSeries.class)
    Envelope<SeriesView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, SeriesRequests.BookSeries.class);
        return Envelope.of(series.book(caller, read.value().command(read), read.problems()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAppointmentSeries")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    Envelope<SeriesView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(series.get(caller, id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelAppointmentSeries")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(SeriesRequests.CancelSeries.class)
    Envelope<SeriesView> cancel(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        var read = BodyReader.readOptional(body, SeriesRequests.CancelSeries.class);
        return Envelope.of(series.cancel(caller, id, read.value().command(read), read.problems()));
    }

    @PostMapping("/{id}/move")
    @Operation(operationId = "moveAppointmentSeries")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @RequestSchema(SeriesRequests.MoveSeries.class)
    Envelope<SeriesView> move(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, SeriesRequests.MoveSeries.class);
        return Envelope.of(series.move(caller, id, read.value().command(read), read.problems()));
    }
}
