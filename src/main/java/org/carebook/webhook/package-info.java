/**
 * Webhooks (docs/api.md §7): endpoints with their signing secrets, and an outbox of deliveries written in the
 * transaction of each event, sent by workers in any number of processes (claimed with SKIP LOCKED and a
 * lease), signed per the Standard Webhooks specification, retried with back-off for at least 24 hours, in
 * order per appointment. Public: {@link org.carebook.webhook.WebhookEndpoints}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Webhooks",
        allowedDependencies = {"api", "egress", "events", "kernel", "outbox"})
package org.carebook.webhook;
