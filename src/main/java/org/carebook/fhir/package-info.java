/**
 * FHIR R4 at {@code /fhir/r4} (ADR 0011): Spring MVC controllers that build HAPI's model from the other modules'
 * facades and views, and write it with HAPI's JSON parser. Reads and searches of the catalog, derived Slots,
 * Appointments and Patients; the scheduling operations {@code $find}, {@code $hold} and {@code $book}, which go
 * through the same booking facades (and so the same database guards, events and webhooks) as {@code /v1}; and
 * the SMART Scheduling Links an organization may publish. Every handler declares its scope, and the
 * CapabilityStatement is built from the handlers' own {@link org.carebook.fhir.FhirInteraction} declarations.
 * Public: {@link org.carebook.fhir.SlotPublishing}, which the console turns on and off.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "FHIR",
        allowedDependencies = {"api", "audit", "availability", "booking", "catalog", "kernel", "organization", "patient"
        })
package org.carebook.fhir;
