package org.carebook.patient;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.Lengths;
import org.carebook.api.QueryParams;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/patients")
class PatientController {

    private final Patients patients;

    PatientController(Patients patients) {
        this.patients = patients;
    }

    @PostMapping
    @Operation(operationId = "createPatient")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_PATIENTS)
    @RequestSchema(PatientRequest.class)
    Envelope<PatientView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, PatientRequest.class);
        return Envelope.of(patients.create(caller, read.as(PatientDraft.class), read.problems()));
    }

    /** {@code search} (ranked, fuzzy), or {@code name} with {@code dob} (exact), or a plain page. */
    @GetMapping
    @Operation(operationId = "findPatients")
    @RequiresScope(Scope.READ_PATIENTS)
    ListPage<PatientView> find(
            Caller caller,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String dob,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        if (search != null) {
            if (search.isBlank() || search.length() > Lengths.NAME) {
                throw CarebookException.invalidField("search", "must be 1 to 100 characters");
            }
            return patients.search(caller, search, PageRequest.parseLimit(limit));
        }
        if (name != null || dob != null) {
            var birthDate = dob == null ? null : QueryParams.date(dob).orElse(null);
            var issues = new java.util.ArrayList<FieldIssue>();
            if (name == null || name.isBlank() || name.length() > 2 * Lengths.NAME + 1) {
                issues.add(new FieldIssue("name", "is required with dob"));
            }
            if (birthDate == null) {
                issues.add(new FieldIssue("dob", "must be a real date written YYYY-MM-DD, given with name"));
            }
            if (!issues.isEmpty()) {
                throw CarebookException.invalid(issues);
            }
            return patients.findByNameAndBirthDate(caller, name, birthDate, PageRequest.parseLimit(limit));
        }
        return patients.list(caller, PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPatient")
    @RequiresScope(Scope.READ_PATIENTS)
    Envelope<PatientView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(patients.get(caller, id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updatePatient")
    @RequiresScope(Scope.WRITE_PATIENTS)
    @RequestSchema(value = PatientRequest.class, partial = true)
    Envelope<PatientView> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, PatientRequest.class);
        return Envelope.of(patients.update(caller, id, read.changeOf(PatientDraft.class), read.problems()));
    }
}
