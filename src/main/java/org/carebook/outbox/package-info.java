/**
 * Background work kept in tables (outboxes): rows written in the transaction of the change that causes them,
 * claimed later in batches under a lease with {@code FOR UPDATE SKIP LOCKED}, so any number of server
 * processes share the work and a crashed process's rows are taken again when its lease ends. Webhook
 * deliveries and patient notifications both run on {@link org.carebook.outbox.LeasedWork}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outbox",
        allowedDependencies = {})
package org.carebook.outbox;
