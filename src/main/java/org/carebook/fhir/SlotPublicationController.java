package org.carebook.fhir;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Whether the organization publishes its free times (SMART Scheduling Links), and where they are. */
@RestController
@RequestMapping("/v1/slot-publication")
class SlotPublicationController {

    private final SlotPublishing publishing;

    SlotPublicationController(SlotPublishing publishing) {
        this.publishing = publishing;
    }

    /** {@code manifest_url}: where directories read the manifest, without a key, while publishing is on. */
    record SlotPublicationView(boolean isPublished, String bookingPageUrl, String manifestUrl) {}

    @GetMapping
    @Operation(operationId = "getSlotPublication")
    @RequiresScope(Scope.MANAGE_ORGANIZATION)
    Envelope<SlotPublicationView> get(Caller caller, HttpServletRequest request) {
        return view(caller, publishing.get(caller), request);
    }

    @PutMapping
    @Operation(operationId = "publishSlots")
    @RequiresScope(Scope.MANAGE_ORGANIZATION)
    @RequestSchema(SlotPublicationRequest.class)
    Envelope<SlotPublicationView> publish(Caller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        var read = BodyReader.read(body, SlotPublicationRequest.class);
        String page = read.value().bookingPageUrl();
        if (page != null && !SlotPublishing.isWebAddress(page)) {
            read.issue("booking_page_url", "must be an http or https address");
        }
        read.valid();
        return view(caller, publishing.publish(caller, page), request);
    }

    @DeleteMapping
    @Operation(operationId = "withdrawSlots")
    @RequiresScope(Scope.MANAGE_ORGANIZATION)
    Envelope<SlotPublicationView> withdraw(Caller caller, HttpServletRequest request) {
        return view(caller, publishing.withdraw(caller), request);
    }

    private static Envelope<SlotPublicationView> view(
            Caller caller, SlotPublishing.Publication publication, HttpServletRequest request) {
        String manifest = publication.published()
                ? Bundles.base(request) + "/publish/"
                        + FhirIds.toFhir(caller.tenant().organizationId()) + "/$bulk-publish"
                : null;
        return Envelope.of(new SlotPublicationView(publication.published(), publication.bookingPageUrl(), manifest));
    }
}
