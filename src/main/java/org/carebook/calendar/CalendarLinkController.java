package org.carebook.calendar;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.carebook.kernel.WireName;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Linked calendars (docs/calendars.md): part of a clinician's set-up, so the catalogue's scopes govern them. */
@RestController
@RequestMapping("/v1/calendar-links")
class CalendarLinkController {

    private final CalendarLinks links;

    CalendarLinkController(CalendarLinks links) {
        this.links = links;
    }

    @PostMapping
    @Operation(operationId = "linkCalendar")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CalendarLinkRequest.class)
    Envelope<CalendarLinkView> link(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CalendarLinkRequest.class);
        var asked = read.value();
        var kind = asked.kind() == null ? null : WireName.parse(LinkKind.class, asked.kind());
        var command = new CalendarLinks.LinkCalendar(
                asked.clinicianId(), kind, asked.url(), asked.username(), asked.password(), asked.pollMinutes());
        return Envelope.of(links.link(caller, command, read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listCalendarLinks")
    @RequiresScope(Scope.READ_CATALOG)
    ListPage<CalendarLinkView> list(
            Caller caller,
            @RequestParam(required = false) String clinicianId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return links.list(caller, clinicianId, PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCalendarLink")
    @RequiresScope(Scope.READ_CATALOG)
    Envelope<CalendarLinkView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(links.get(caller, id));
    }

    @PostMapping("/{id}/sync")
    @Operation(operationId = "syncCalendarLink")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<CalendarLinkView> sync(Caller caller, @PathVariable String id) {
        return Envelope.of(links.sync(caller, id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "unlinkCalendar")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<CalendarLinkView> unlink(Caller caller, @PathVariable String id) {
        return Envelope.of(links.unlink(caller, id));
    }
}
