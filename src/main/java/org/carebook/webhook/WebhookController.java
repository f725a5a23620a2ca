package org.carebook.webhook;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/webhook-endpoints")
class WebhookController {

    private final WebhookEndpoints endpoints;

    WebhookController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @PostMapping
    @Operation(operationId = "createWebhookEndpoint")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    @RequestSchema(WebhookEndpointRequest.class)
    Envelope<WebhookEndpointView> create(Caller caller, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, WebhookEndpointRequest.class);
        return Envelope.of(endpoints.create(caller, read.changeOf(WebhookEndpointDraft.class), read.problems()));
    }

    @GetMapping
    @Operation(operationId = "listWebhookEndpoints")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    ListPage<WebhookEndpointView> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return endpoints.list(caller, PageRequest.of(limit, cursor));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhookEndpoint")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    Envelope<WebhookEndpointView> get(Caller caller, @PathVariable String id) {
        return Envelope.of(endpoints.get(caller, id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateWebhookEndpoint")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    @RequestSchema(value = WebhookEndpointRequest.class, partial = true)
    Envelope<WebhookEndpointView> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var read = BodyReader.read(body, WebhookEndpointRequest.class);
        return Envelope.of(endpoints.update(caller, id, read.changeOf(WebhookEndpointDraft.class), read.problems()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhookEndpoint")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    Envelope<WebhookEndpointView> delete(Caller caller, @PathVariable String id) {
        return Envelope.of(endpoints.delete(caller, id));
    }

    /** A new secret, with the old one still signing for 24 hours. */
    @PostMapping("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    Envelope<WebhookEndpointView> rotateSecret(Caller caller, @PathVariable String id) {
        return Envelope.of(endpoints.rotateSecret(caller, id));
    }

    /** A {@code webhook.test} event delivered to this endpoint only; answers the delivery, still pending. */
    @PostMapping("/{id}/test")
    @Operation(operationId = "sendWebhookTestEvent")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Envelope<DeliveryView> sendTest(Caller caller, @PathVariable String id) {
        return Envelope.of(endpoints.sendTest(caller, id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    ListPage<DeliveryView> deliveries(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return endpoints.deliveries(caller, id, PageRequest.of(limit, cursor));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    @Operation(operationId = "retryWebhookDelivery")
    @RequiresScope(Scope.MANAGE_WEBHOOKS)
    Envelope<DeliveryView> retry(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        return Envelope.of(endpoints.retry(caller, id, deliveryId));
    }
}
