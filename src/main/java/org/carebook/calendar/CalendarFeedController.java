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

/** Calendar subscriptions (docs/calendars.md): made, listed and revoked by keys that may read appointments. */
@RestController
@RequestMapping("/v1/calendar-feeds")
class CalendarFeedController {

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @PostMapping
    @Operation(operationId = "createCalendarFeed")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.READ_APPOINTMENTS)
    @RequestSchema(CalendarFeedRequest.class)
    Envelope<CalendarFeedView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CalendarFeedRequest.class);
        var asked = read.valid();
        return Envelope.of(feeds.create(caller, asked.clinicianId(), asked.locationId(), read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listCalendarFeeds")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    ListPage<CalendarFeedView> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return feeds.list(caller, PageRequest.of(limit, cursor));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeCalendarFeed")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    Envelope<CalendarFeedView> revoke(Caller caller, @PathVariable String id) {
        return Envelope.of(feeds.revoke(caller, id));
    }
}
