package org.carebook.fhir;

import java.util.Date;
import java.util.Map;
import org.carebook.audit.AuditEventView;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** Audit log entries as FHIR AuditEvents: who (a key, a member of staff, a link), did what, to which record, when. */
final class AuditResources {

    static final String REST = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String IHE_TRANSACTION = "urn:ihe:event-type-code";
    static final String KEY = Canonical.BASE + "/NamingSystem/caller";

    /** IHE's transactions for the scheduling operations, by the operation's name. */
    private static final Map<String, String> TRANSACTIONS = Map.of(
            "find", "ITI-115",
            "hold", "ITI-116",
            "book", "ITI-117");

    private static final Map<String, AuditEvent.AuditEventAction> ACTIONS = Map.of(
            "read", AuditEvent.AuditEventAction.R,
            "search", AuditEvent.AuditEventAction.E,
            "create", AuditEvent.AuditEventAction.C,
            "update", AuditEvent.AuditEventAction.U,
            "delete", AuditEvent.AuditEventAction.D,
            "merge", AuditEvent.AuditEventAction.U,
            "erase", AuditEvent.AuditEventAction.D);

    private AuditResources() {}

    static AuditEvent auditEvent(AuditEventView entry) {
        var event = new AuditEvent();
        event.setId(FhirIds.toFhir(entry.id()));
        event.setType(new Coding(REST, "rest", "RESTful Operation"));
        String type = entry.resourceType();
        if (type.startsWith(FhirAudit.OPERATION)) {
            String operation = type.substring(FhirAudit.OPERATION.length());
            event.addSubtype(new Coding(INTERACTION, "operation", "operation"));
            String transaction = TRANSACTIONS.get(operation);
            if (transaction != null) {
                event.addSubtype(new Coding(IHE_TRANSACTION, transaction, "$" + operation));
            }
        } else {
            event.addSubtype(new Coding(INTERACTION, interaction(entry.action()), entry.action()));
        }
        event.setAction(ACTIONS.getOrDefault(entry.action(), AuditEvent.AuditEventAction.E));
        event.setRecorded(Date.from(entry.occurredAt()));
        event.setOutcome(AuditEvent.AuditEventOutcome._0);
        var agent = event.addAgent().setRequestor(true);
        agent.setWho(new Reference()
                .setIdentifier(
                        new Identifier().setSystem(KEY).setValue(entry.actor().keyId()))
                .setDisplay(entry.actor().kind()));
        if (entry.ip() != null) {
            agent.getNetwork().setAddress(entry.ip()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        event.getSource().setObserver(new Reference().setDisplay("Carebook"));
        if (entry.resourceId() != null) {
            event.addEntity().setWhat(new Reference(what(type, entry.resourceId())));
        }
        return event;
    }

    /** The record an entry is about, as FHIR names it: a patient, an appointment, a hold (a pending Appointment). */
    private static String what(String type, String id) {
        String fhirId = FhirIds.toFhir(id);
        if (type.equals("patient")) {
            return "Patient/" + fhirId;
        }
        if (type.equals("appointment") || type.startsWith(FhirAudit.OPERATION) || type.equals("hold")) {
            return "Appointment/" + fhirId;
        }
        return "Basic/" + fhirId;
    }

    private static String interaction(String action) {
        return switch (action) {
            case "search" -> "search-type";
            case "create" -> "create";
            case "update", "merge" -> "update";
            case "delete", "erase" -> "delete";
            default -> "read";
        };
    }
}
