package org.carebook.catalog;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
import org.carebook.api.QueryParams;
import org.carebook.api.RequestSchema;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/v1/clinicians")
class ClinicianController {

    private final Clinicians clinicians;

    ClinicianController(Clinicians clinicians) {
        this.clinicians = clinicians;
    }

    @PostMapping
    @Operation(operationId = "createClinician")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CatalogRequests.Clinician.class)
    Envelope<ClinicianView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.Clinician.class);
        return Envelope.of(clinicians.create(caller.tenant(), read.changeOf(ClinicianDraft.class), read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listClinicians")
    @RequiresScope(Scope.READ_CATALOG)
    ListPage<ClinicianView> list(
            Caller caller,
            @RequestParam(name = "location_id", required = false) String locationId,
            @RequestParam(name = "is_active", required = false) String active,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return clinicians.list(
                caller.tenant(), locationId, QueryParams.bool("is_active", active), PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getClinician")
    @RequiresScope(Scope.READ_CATALOG)
    Envelope<ClinicianView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(clinicians.get(caller.tenant(), id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateClinician")
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(value = CatalogRequests.Clinician.class, partial = true)
    Envelope<ClinicianView> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.Clinician.class);
        return Envelope.of(
                clinicians.update(caller.tenant(), id, read.changeOf(ClinicianDraft.class), read.problems()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deactivateClinician")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<ClinicianView> delete(Caller caller, @PathVariable String id) {
        return Envelope.of(clinicians.deactivate(caller.tenant(), id));
    }

    @PostMapping("/{id}/time-off")
    @Operation(operationId = "addTimeOff")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CatalogRequests.TimeOff.class)
    Envelope<TimeOffView> addTimeOff(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.TimeOff.class);
        var timeOff = read.value();
        return Envelope.of(clinicians.addTimeOff(
                caller.tenant(), id, timeOff.start(), timeOff.end(), timeOff.reason(), read.problems()));
    }

    @GetMapping("/{id}/time-off")
    @Operation(operationId = "listTimeOff")
    @RequiresScope(Scope.READ_CATALOG)
    ListPage<TimeOffView> timeOff(Caller caller, @PathVariable String id) {
        return ListPage.all(clinicians.timeOff(caller.tenant(), id));
    }

    @GetMapping("/{id}/time-off/{timeOffId}")
    @Operation(operationId = "getTimeOff")
    @RequiresScope(Scope.READ_CATALOG)
    Envelope<TimeOffView> oneTimeOff(Caller caller, @PathVariable String id, @PathVariable String timeOffId) {
        return Envelope.of(clinicians.timeOff(caller.tenant(), id, timeOffId));
    }

    @DeleteMapping("/{id}/time-off/{timeOffId}")
    @Operation(operationId = "removeTimeOff")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<TimeOffView> removeTimeOff(Caller caller, @PathVariable String id, @PathVariable String timeOffId) {
        return Envelope.of(clinicians.removeTimeOff(caller.tenant(), id, timeOffId));
    }
}
