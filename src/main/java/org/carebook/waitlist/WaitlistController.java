package org.carebook.waitlist;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.ForPatientLink;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/waitlist-entries} for the clinic's keys and the widget (joining takes {@code write_holds}, as a
 * browser's key has: it asks the clinic to hold a time later), and the offer's page for the patient's link.
 */
@RestController
class WaitlistController {

    private final Waitlist waitlist;
    private final WaitlistOffers offers;

    WaitlistController(Waitlist waitlist, WaitlistOffers offers) {
        this.waitlist = waitlist;
        this.offers = offers;
    }

    @PostMapping("/v1/waitlist-entries")
    @Operation(operationId = "joinWaitlist")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_HOLDS)
    @RequestSchema(WaitlistRequests.Join.class)
    Envelope<WaitlistEntryView> join(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, WaitlistRequests.Join.class);
        var command = read.value().command(read, caller.isPublishable(), waitlist.today());
        return Envelope.of(waitlist.join(caller, command, read.problems()));
    }

    @GetMapping("/v1/waitlist-entries")
    @Operation(operationId = "listWaitlistEntries")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    ListPage<WaitlistEntryView> list(
            Caller caller,
            @RequestParam(name = "location_id", required = false) String locationId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return waitlist.list(caller, locationId, status(status), PageRequest.of(limit, cursor));
    }

    @GetMapping("/v1/waitlist-entries/{id}")
    @Operation(operationId = "getWaitlistEntry")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    Envelope<WaitlistEntryView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(waitlist.get(caller, id));
    }

    @DeleteMapping("/v1/waitlist-entries/{id}")
    @Operation(operationId = "removeWaitlistEntry")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    Envelope<WaitlistEntryView> remove(Caller caller, @PathVariable String id) {
        return Envelope.of(waitlist.remove(caller, id));
    }

    @GetMapping("/v1/self-service/offer")
    @Operation(operationId = "getWaitlistOffer")
    @ForPatientLink
    Envelope<OfferPage> offer(Caller caller) {
        return Envelope.of(offers.show(caller));
    }

    @PostMapping("/v1/self-service/offer/accept")
    @Operation(operationId = "acceptWaitlistOffer")
    @ForPatientLink
    Envelope<OfferPage> accept(Caller caller) {
        return Envelope.of(offers.accept(caller));
    }

    @PostMapping("/v1/self-service/offer/decline")
    @Operation(operationId = "declineWaitlistOffer")
    @ForPatientLink
    Envelope<OfferPage> decline(Caller caller) {
        return Envelope.of(offers.decline(caller));
    }

    private static EntryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return EntryStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw CarebookException.validation(
                    "invalid_parameter",
                    "status must be waiting, offered, booked, expired or removed.",
                    java.util.List.of(FieldIssue.at("status", "is not a waitlist state")));
        }
    }
}
