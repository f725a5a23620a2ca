package org.carebook.events;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EventController {

    private final EventLog events;

    EventController(EventLog events) {
        this.events = events;
    }

    @GetMapping("/v1/events")
    @Operation(operationId = "listEvents")
    @RequiresScope(Scope.READ_EVENTS)
    ListPage<EventView> list(
            Caller caller,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return events.list(caller, type, since, PageRequest.of(limit, cursor));
    }
}
