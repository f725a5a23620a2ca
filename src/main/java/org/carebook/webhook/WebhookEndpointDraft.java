package org.carebook.webhook;

import java.util.List;

/**
 * What an endpoint is (docs/api.md §7): where events go, which types (or {@code "*"}), a description, and
 * whether it is {@code enabled} or {@code disabled}. A change gives some fields and keeps the rest;
 * the status, once set, cannot be cleared.
 */
public record WebhookEndpointDraft(String url, List<String> events, String description, String status) {

    public static final WebhookEndpointDraft NEW = new WebhookEndpointDraft(null, null, null, "enabled");
}
