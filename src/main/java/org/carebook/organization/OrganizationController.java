package org.carebook.organization;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.BodyReader;
import org.carebook.api.Envelope;
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
class OrganizationController {

    private final Organizations organizations;
    private final ApiKeys apiKeys;

    OrganizationController(Organizations organizations, ApiKeys apiKeys) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
    }

    @PostMapping("/admin/v1/organizations")
    @Operation(operationId = "createOrganization")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestSchema(OrganizationRequests.Organization.class)
    Envelope<Organizations.CreatedOrganization> create(@RequestBody JsonNode body) {
        var read = BodyReader.read(body, OrganizationRequests.Organization.class);
        return Envelope.of(organizations.create(read.changeOf(OrganizationDraft.class), read.problems()));
    }

    @GetMapping("/admin/v1/organizations")
    @Operation(operationId = "listOrganizations")
    ListPage<OrganizationView> list(
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        return organizations.list(PageRequest.of(limit, cursor));
    }

    @GetMapping("/admin/v1/organizations/{id}")
    @Operation(operationId = "getOrganizationById")
    Envelope<OrganizationView> get(@PathVariable String id) {
        return Envelope.of(organizations.get(id));
    }

    @GetMapping("/v1/organization")
    @Operation(operationId = "getOrganization")
    @RequiresScope(Scope.MANAGE_ORGANIZATION)
    Envelope<OrganizationView> own(Caller caller) {
        return Envelope.of(organizations.get(caller.tenant().organizationId()));
    }

    @PatchMapping("/v1/organization")
    @Operation(operationId = "updateOrganization")
    @RequiresScope(Scope.MANAGE_ORGANIZATION)
    @RequestSchema(value = OrganizationRequests.Organization.class, partial = true)
    Envelope<OrganizationView> update(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, OrganizationRequests.Organization.class);
        return Envelope.of(
                organizations.update(caller.tenant(), read.changeOf(OrganizationDraft.class), read.problems()));
    }

    @PostMapping("/v1/api-keys")
    @Operation(operationId = "createApiKey")
    @RequiresScope(Scope.MANAGE_API_KEYS)
    @ResponseStatus(HttpStatus.CREATED)
    @RequestSchema(OrganizationRequests.ApiKey.class)
    Envelope<ApiKeyView> createKey(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, OrganizationRequests.ApiKey.class);
        return Envelope.of(apiKeys.create(caller, read.value().draft(read, caller)));
    }

    @GetMapping("/v1/api-keys")
    @Operation(operationId = "listApiKeys")
    @RequiresScope(Scope.MANAGE_API_KEYS)
    ListPage<ApiKeyView> keys(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return apiKeys.list(caller.tenant(), PageRequest.of(limit, cursor));
    }

    @DeleteMapping("/v1/api-keys/{id}")
    @Operation(operationId = "revokeApiKey")
    @RequiresScope(Scope.MANAGE_API_KEYS)
    Envelope<ApiKeyView> revoke(Caller caller, @PathVariable String id) {
        return Envelope.of(apiKeys.revoke(caller.tenant(), id));
    }
}
