package org.carebook.fhir;

import static org.carebook.fhir.FhirInteraction.Kind.READ;
import static org.carebook.fhir.FhirInteraction.Kind.SEARCH;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Slots derived from availability: free where a booking could go, busy where one (or a hold) already is. */
@RestController
@RequestMapping(Bundles.PATH)
class SlotFhirController {

    private final SlotSearch search;
    private final FhirJson json;

    SlotFhirController(SlotSearch search, FhirJson json) {
        this.search = search;
        this.json = json;
    }

    @GetMapping("/Slot")
    @RequiresScope(Scope.READ_AVAILABILITY)
    @FhirInteraction(
            resource = "Slot",
            kind = SEARCH,
            searchParams = {
                "schedule:reference",
                "schedule.actor:reference",
                "start:date",
                "status:token",
                "service-type:token"
            },
            documentation = "start needs a lower bound (ge or gt); the window is at most 31 days, 7 when open-ended.")
    ResponseEntity<byte[]> search(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of("schedule", "schedule.actor", "start", "status", "service-type"));
        var range = query.range("start");
        String status = query.token("status").map(FhirQuery.Token::code).orElse(null);
        if (status != null
                && !Set.of("free", "busy", "busy-tentative", "busy-unavailable").contains(status)) {
            throw FhirQuery.invalid("status", "is free, busy, busy-tentative or busy-unavailable here");
        }
        var actor = query.actor("schedule.actor");
        var criteria = new SlotSearch.Criteria(
                query.referencedId("schedule", "Schedule", "sched"),
                actor.map(FhirQuery.Actor::clinicianId).orElse(null),
                actor.map(FhirQuery.Actor::locationId).orElse(null),
                query.tokenId("service-type", "type"),
                range.from(),
                range.until());
        var slots = search.slots(caller, criteria).stream()
                .filter(g -> status == null
                        || SchedulingResources.status(g.state()).toCode().equals(status))
                .toList();
        int offset = query.cursor().map(cursor -> offset(cursor, slots.size())).orElse(0);
        int count = query.count(100, 1000);
        int end = (int) Math.min((long) offset + count, slots.size());
        var page = slots.subList(offset, end);
        String next = end < slots.size() ? String.valueOf(end) : null;
        return json.ok(Bundles.searchset(
                request,
                page.stream()
                        .map(g -> SchedulingResources.slot(g.slot(), g.state(), null))
                        .toList(),
                query,
                next));
    }

    @GetMapping("/Slot/{id}")
    @RequiresScope(Scope.READ_AVAILABILITY)
    @FhirInteraction(resource = "Slot", kind = READ)
    ResponseEntity<byte[]> read(Caller caller, @PathVariable String id) {
        var slot =
                SlotId.parse(id).flatMap(slotId -> search.slot(caller, slotId)).orElseThrow(FhirIds::missing);
        return json.ok(SchedulingResources.slot(slot.slot(), slot.state(), null));
    }

    /** A cursor this search gave: an offset into its slots, never past their end. */
    private static int offset(String cursor, int slots) {
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0 && offset <= slots) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw FhirQuery.invalid("_cursor", "is not a cursor this search gave");
    }
}
