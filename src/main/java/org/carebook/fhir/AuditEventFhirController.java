package org.carebook.fhir;

import static org.carebook.fhir.FhirInteraction.Kind.READ;
import static org.carebook.fhir.FhirInteraction.Kind.SEARCH;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.carebook.api.RequiresScope;
import org.carebook.audit.AuditLog;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as FHIR AuditEvents, for keys with {@code read_audit}, oldest first as {@code /v1/audit-events}. */
@RestController
@RequestMapping(Bundles.PATH + "/AuditEvent")
class AuditEventFhirController {

    private final AuditLog log;
    private final FhirJson json;

    AuditEventFhirController(AuditLog log, FhirJson json) {
        this.log = log;
        this.json = json;
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.READ_AUDIT)
    @FhirInteraction(resource = "AuditEvent", kind = READ)
    ResponseEntity<byte[]> read(Caller caller, @PathVariable String id) {
        return json.ok(log.find(caller.tenant(), FhirIds.carebookId(id, "aud"))
                .map(AuditResources::auditEvent)
                .orElseThrow(FhirIds::missing));
    }

    @GetMapping
    @RequiresScope(Scope.READ_AUDIT)
    @FhirInteraction(
            resource = "AuditEvent",
            kind = SEARCH,
            searchParams = {"entity:reference", "date:date"},
            documentation = "entity: the Patient or Appointment (an apt-… or hold-… id) an entry is about; date: ge"
                    + " a day or time, the entries from then. Each $find, $hold and $book is an entry whose subtype"
                    + " names its IHE transaction (ITI-115, ITI-116, ITI-117).")
    ResponseEntity<byte[]> search(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of("entity", "date"));
        var entity =
                query.string("entity").map(AuditEventFhirController::entity).orElse(null);
        var page = log.list(
                caller.tenant(),
                entity == null ? null : entity.type(),
                entity == null ? null : entity.id(),
                query.range("date").from(),
                Bundles.pageRequest(query));
        return json.ok(Bundles.page(request, query, page, AuditResources::auditEvent));
    }

    /** What the log calls the record a reference names; a hold or an appointment booked by $book shows under both. */
    private record Entity(String type, String id) {}

    private static Entity entity(String reference) {
        String id = reference.substring(reference.lastIndexOf('/') + 1);
        if (reference.startsWith("Patient/")) {
            return new Entity("patient", FhirIds.orNone(id, "pat"));
        }
        if (id.startsWith("hold-")) {
            return new Entity(FhirAudit.OPERATION + "hold", FhirIds.orNone(id, "hold"));
        }
        return new Entity(FhirAudit.OPERATION + "book", FhirIds.orNone(id, "apt"));
    }
}
