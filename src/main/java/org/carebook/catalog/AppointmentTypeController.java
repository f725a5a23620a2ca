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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class AppointmentTypeController {

    private final AppointmentTypes types;

    AppointmentTypeController(AppointmentTypes types) {
        this.types = types;
    }

    @PostMapping("/v1/appointment-types")
    @Operation(operationId = "createAppointmentType")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_APPOINTMENT_TYPES)
    @RequestSchema(CatalogRequests.AppointmentType.class)
    Envelope<AppointmentTypeView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.AppointmentType.class);
        return Envelope.of(types.create(caller.tenant(), read.changeOf(AppointmentTypeDraft.class), read.problems()));
    }

    @GetMapping("/v1/appointment-types")
    @Operation(operationId = "listAppointmentTypes")
    @RequiresScope(Scope.READ_APPOINTMENT_TYPES)
    ListPage<AppointmentTypeView> list(
            Caller caller,
            @RequestParam(name = "is_active", required = false) String active,
            @RequestParam(name = "allow_online_booking", required = false) String online,
            @RequestParam(name = "clinician_id", required = false) String clinicianId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return types.list(
                caller,
                QueryParams.bool("is_active", active),
                QueryParams.bool("allow_online_booking", online),
                clinicianId,
                PageRequest.of(limit, cursor));
    }

    @GetMapping("/v1/appointment-types/{id}")
    @Operation(operationId = "getAppointmentType")
    @RequiresScope(Scope.READ_APPOINTMENT_TYPES)
    Envelope<AppointmentTypeView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(types.get(caller, id));
    }

    @PatchMapping("/v1/appointment-types/{id}")
    @Operation(operationId = "updateAppointmentType")
    @RequiresScope(Scope.WRITE_APPOINTMENT_TYPES)
    @RequestSchema(value = CatalogRequests.AppointmentType.class, partial = true)
    Envelope<AppointmentTypeView> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.AppointmentType.class);
        return Envelope.of(
                types.update(caller.tenant(), id, read.changeOf(AppointmentTypeDraft.class), read.problems()));
    }

    @DeleteMapping("/v1/appointment-types/{id}")
    @Operation(operationId = "deactivateAppointmentType")
    @RequiresScope(Scope.WRITE_APPOINTMENT_TYPES)
    Envelope<AppointmentTypeView> delete(Caller caller, @PathVariable String id) {
        return Envelope.of(types.deactivate(caller.tenant(), id));
    }

    @GetMapping("/v1/appointment-templates")
    @Operation(operationId = "listAppointmentTemplates")
    @RequiresScope({Scope.READ_APPOINTMENT_TEMPLATES, Scope.READ_APPOINTMENT_TYPES})
    ListPage<AppointmentTypeView.Template> templates(
            Caller caller,
            @RequestParam(name = "is_active", required = false) String active,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return types.list(caller, QueryParams.bool("is_active", active), null, null, PageRequest.of(limit, cursor))
                .map(t -> new AppointmentTypeView.Template(t, t.durationMinutes()));
    }
}
