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
@RequestMapping("/v1/locations")
class LocationController {

    private final Locations locations;

    LocationController(Locations locations) {
        this.locations = locations;
    }

    @PostMapping
    @Operation(operationId = "createLocation")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CatalogRequests.Location.class)
    Envelope<LocationView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.Location.class);
        return Envelope.of(locations.create(caller.tenant(), read.changeOf(LocationDraft.class), read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listLocations")
    @RequiresScope(Scope.READ_CATALOG)
    ListPage<LocationView> list(
            Caller caller,
            @RequestParam(name = "is_active", required = false) String active,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return locations.list(caller.tenant(), QueryParams.bool("is_active", active), PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getLocation")
    @RequiresScope(Scope.READ_CATALOG)
    Envelope<LocationView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(locations.get(caller.tenant(), id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateLocation")
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(value = CatalogRequests.Location.class, partial = true)
    Envelope<LocationView> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.Location.class);
        return Envelope.of(locations.update(caller.tenant(), id, read.changeOf(LocationDraft.class), read.problems()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deactivateLocation")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<LocationView> delete(Caller caller, @PathVariable String id) {
        return Envelope.of(locations.deactivate(caller.tenant(), id));
    }

    @PostMapping("/{id}/rooms")
    @Operation(operationId = "addRoom")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CatalogRequests.NewRoom.class)
    Envelope<LocationView.RoomView> addRoom(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.NewRoom.class);
        read.problems().requireText("name", read.value().name());
        return Envelope.of(locations.addRoom(caller.tenant(), id, read.valid().name()));
    }

    @PatchMapping("/{id}/rooms/{roomId}")
    @Operation(operationId = "updateRoom")
    @RequiresScope(Scope.WRITE_CATALOG)
    @RequestSchema(CatalogRequests.RoomChange.class)
    Envelope<LocationView.RoomView> updateRoom(
            Caller caller, @PathVariable String id, @PathVariable String roomId, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, CatalogRequests.RoomChange.class);
        var change = read.changeOf(RoomDraft.class);
        return Envelope.of(locations.updateRoom(caller.tenant(), id, roomId, change, read.problems()));
    }

    @DeleteMapping("/{id}/rooms/{roomId}")
    @Operation(operationId = "deactivateRoom")
    @RequiresScope(Scope.WRITE_CATALOG)
    Envelope<LocationView.RoomView> deleteRoom(Caller caller, @PathVariable String id, @PathVariable String roomId) {
        return Envelope.of(locations.deactivateRoom(caller.tenant(), id, roomId));
    }
}
