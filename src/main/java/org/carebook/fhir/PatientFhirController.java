package org.carebook.fhir;

import static org.carebook.fhir.FhirInteraction.Kind.READ;
import static org.carebook.fhir.FhirInteraction.Kind.SEARCH;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.carebook.patient.PatientQuery;
import org.carebook.patient.Patients;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Patients, only for keys with {@code read_patients}; every read is in the audit log, as through {@code /v1}. */
@RestController
@RequestMapping(Bundles.PATH + "/Patient")
class PatientFhirController {

    private final Patients patients;
    private final FhirJson json;

    PatientFhirController(Patients patients, FhirJson json) {
        this.patients = patients;
        this.json = json;
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.READ_PATIENTS)
    @FhirInteraction(resource = "Patient", kind = READ)
    ResponseEntity<byte[]> read(Caller caller, @PathVariable String id) {
        return json.ok(PatientResources.patient(patients.get(caller, FhirIds.carebookId(id, "pat"))));
    }

    @GetMapping
    @RequiresScope(Scope.READ_PATIENTS)
    @FhirInteraction(
            resource = "Patient",
            kind = SEARCH,
            searchParams = {"identifier:token", "name:string", "birthdate:date"},
            documentation = "identifier matches an external id (system|value, or value under any system); name, the"
                    + " start of a given or family name; birthdate, one exact date.")
    ResponseEntity<byte[]> search(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of("identifier", "name", "birthdate"));
        var identifier = query.token("identifier");
        var patientQuery = new PatientQuery(
                identifier.map(FhirQuery.Token::system).orElse(null),
                identifier.map(FhirQuery.Token::code).orElse(null),
                query.string("name").orElse(null),
                query.string("birthdate").map(PatientFhirController::date).orElse(null));
        var page = patients.find(caller, patientQuery, Bundles.pageRequest(query));
        return json.ok(Bundles.page(request, query, page, PatientResources::patient));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.startsWith("eq") ? text.substring(2) : text);
        } catch (DateTimeParseException e) {
            throw FhirQuery.invalid("birthdate", "must be one date, such as 1984-03-02");
        }
    }
}
