package org.carebook.fhir;

import static org.carebook.fhir.FhirInteraction.Kind.READ;
import static org.carebook.fhir.FhirInteraction.Kind.SEARCH;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carebook.api.RequiresScope;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Locations;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog, read-only: Location, Practitioner, PractitionerRole, HealthcareService and Schedule. */
@RestController
@RequestMapping(Bundles.PATH)
class CatalogFhirController {

    private final Locations locations;
    private final Clinicians clinicians;
    private final Schedules schedules;
    private final AppointmentTypes types;
    private final FhirJson json;

    CatalogFhirController(
            Locations locations, Clinicians clinicians, Schedules schedules, AppointmentTypes types, FhirJson json) {
        this.locations = locations;
        this.clinicians = clinicians;
        this.schedules = schedules;
        this.types = types;
        this.json = json;
    }

    @GetMapping("/Location/{id}")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(resource = "Location", kind = READ)
    ResponseEntity<byte[]> location(Caller caller, @PathVariable String id) {
        return json.ok(CatalogResources.location(locations.get(caller.tenant(), FhirIds.carebookId(id, "loc"))));
    }

    @GetMapping("/Location")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(resource = "Location", kind = SEARCH)
    ResponseEntity<byte[]> locations(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of());
        var page = locations.list(caller.tenant(), null, Bundles.pageRequest(query));
        return json.ok(Bundles.page(request, query, page, CatalogResources::location));
    }

    @GetMapping("/Practitioner/{id}")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(resource = "Practitioner", kind = READ)
    ResponseEntity<byte[]> practitioner(Caller caller, @PathVariable String id) {
        return json.ok(CatalogResources.practitioner(clinicians.get(caller.tenant(), FhirIds.carebookId(id, "clin"))));
    }

    @GetMapping("/Practitioner")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(resource = "Practitioner", kind = SEARCH)
    ResponseEntity<byte[]> practitioners(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of());
        var page = clinicians.list(caller.tenant(), null, null, Bundles.pageRequest(query));
        return json.ok(Bundles.page(request, query, page, CatalogResources::practitioner));
    }

    @GetMapping("/PractitionerRole/{id}")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(resource = "PractitionerRole", kind = READ)
    ResponseEntity<byte[]> role(Caller caller, @PathVariable String id) {
        if (!id.startsWith("role-")) {
            throw FhirIds.missing();
        }
        String clinicianId = FhirIds.carebookId("clin-" + id.substring(5), "clin");
        return json.ok(role(caller, clinicians.get(caller.tenant(), clinicianId)));
    }

    @GetMapping("/PractitionerRole")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(
            resource = "PractitionerRole",
            kind = SEARCH,
            searchParams = {"practitioner:reference", "location:reference"})
    ResponseEntity<byte[]> roles(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of("practitioner", "location"));
        var practitioner = query.reference("practitioner", "Practitioner");
        String location = query.reference("location", "Location")
                .map(id -> FhirIds.fromFhir(id, "loc").orElse(""))
                .orElse(null);
        if (practitioner.isPresent()) {
            var clinicianId = FhirIds.fromFhir(practitioner.get(), "clin");
            var found = clinicianId
                    .filter(cid -> clinicians.exists(caller.tenant(), cid))
                    .map(cid -> role(caller, clinicians.get(caller.tenant(), cid)))
                    .filter(role -> location == null
                            || role.getLocation().stream()
                                    .anyMatch(l -> l.getReference().equals("Location/" + FhirIds.toFhir(location))))
                    .map(List::of)
                    .orElse(List.of());
            return json.ok(Bundles.searchset(request, found, query, null));
        }
        var page = clinicians.list(caller.tenant(), location, null, Bundles.pageRequest(query));
        var locations = locationsByClinician(caller, null);
        return json.ok(Bundles.page(
                request,
                query,
                page,
                clinician -> CatalogResources.role(clinician, locations.getOrDefault(clinician.id(), Set.of()))));
    }

    @GetMapping("/HealthcareService/{id}")
    @RequiresScope(Scope.READ_APPOINTMENT_TYPES)
    @FhirInteraction(resource = "HealthcareService", kind = READ)
    ResponseEntity<byte[]> service(Caller caller, @PathVariable String id) {
        return json.ok(CatalogResources.service(types.get(caller, FhirIds.carebookId(id, "type"))));
    }

    @GetMapping("/HealthcareService")
    @RequiresScope(Scope.READ_APPOINTMENT_TYPES)
    @FhirInteraction(resource = "HealthcareService", kind = SEARCH)
    ResponseEntity<byte[]> services(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of());
        var page = types.list(caller, null, null, null, Bundles.pageRequest(query));
        return json.ok(Bundles.page(request, query, page, CatalogResources::service));
    }

    @GetMapping("/Schedule/{id}")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(resource = "Schedule", kind = READ)
    ResponseEntity<byte[]> schedule(Caller caller, @PathVariable String id) {
        return json.ok(CatalogResources.schedule(
                schedules.get(caller.tenant(), FhirIds.carebookId(id, "sched")), null, types(caller)));
    }

    @GetMapping("/Schedule")
    @RequiresScope(Scope.READ_CATALOG)
    @FhirInteraction(resource = "Schedule", kind = SEARCH, searchParams = "actor:reference")
    ResponseEntity<byte[]> schedules(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of("actor"));
        var actor = query.actor("actor");
        String clinicianId = actor.map(FhirQuery.Actor::clinicianId).orElse(null);
        String locationId = actor.map(FhirQuery.Actor::locationId).orElse(null);
        var page = schedules.list(caller.tenant(), clinicianId, locationId, Bundles.pageRequest(query));
        var types = types(caller);
        return json.ok(Bundles.page(request, query, page, view -> CatalogResources.schedule(view, null, types)));
    }

    private java.util.Map<String, AppointmentTypeView> types(Caller caller) {
        return Pages.typesById(types, caller);
    }

    private org.hl7.fhir.r4.model.PractitionerRole role(Caller caller, ClinicianView clinician) {
        return CatalogResources.role(
                clinician, locationsByClinician(caller, clinician.id()).getOrDefault(clinician.id(), Set.of()));
    }

    /**
     * Where clinicians see patients: the locations of their active schedules, read in one pass (all clinicians'
     * when {@code clinicianId} is null), so a page of roles costs no query per role.
     */
    private Map<String, Set<String>> locationsByClinician(Caller caller, String clinicianId) {
        Map<String, Set<String>> locations = new HashMap<>();
        Pages.all(page -> schedules.list(caller.tenant(), clinicianId, null, page)).stream()
                .filter(schedule -> schedule.isActive() && schedule.locationId() != null)
                .forEach(schedule -> locations
                        .computeIfAbsent(schedule.clinicianId(), id -> new HashSet<>())
                        .add(schedule.locationId()));
        return locations;
    }
}
