package org.carebook.webhook;

import java.util.List;
import java.util.function.Predicate;

/**
 * What an endpoint is (docs/api.md §7): where events go, which types (or {@code "*"}), a description, and
 * whether it is {@code enabled} or {@code disabled}. A change gives some fields and keeps the rest.
 */
public record WebhookEndpointDraft(String url, List<String> events, String description, String status) {

    public static final WebhookEndpointDraft NEW = new WebhookEndpointDraft(null, null, null, "enabled");

    /** {@code current} with the fields named in {@code given} (wire names) from this draft. */
    public WebhookEndpointDraft over(WebhookEndpointDraft current, Predicate<String> given) {
        return new WebhookEndpointDraft(
                given.test("url") ? url : current.url,
                given.test("events") ? events : current.events,
                given.test("description") ? description : current.description,
                given.test("status") && status != null ? status : current.status);
    }
}
