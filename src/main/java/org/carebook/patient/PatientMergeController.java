package org.carebook.patient;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.Lengths;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class PatientMergeController {

    private final PatientMerges merges;

    PatientMergeController(PatientMerges merges) {
        this.merges = merges;
    }

    @Schema(
            name = "MergePatientRequest",
            description = "The duplicate record to merge into this one: its appointments, series and waitlist"
                    + " entries move here, and it is deleted. Irreversible.")
    record MergePatient(
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.ID, example = "pat_5kd8w2m1zq")
            String mergedId) {}

    @PostMapping("/v1/patients/{id}/merge")
    @Operation(operationId = "mergePatient")
    @RequiresScope(Scope.WRITE_PATIENTS)
    @RequestSchema(MergePatient.class)
    Envelope<PatientMerge> merge(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, MergePatient.class);
        return Envelope.of(merges.merge(caller, id, read.valid().mergedId()));
    }
}
