/**
 * The event log of docs/api.md §7: every change a client may want to hear about, recorded in the transaction
 * that made it, listed at {@code GET /v1/events} and kept 30 days. Other modules record through
 * {@link org.carebook.events.EventLog}; each recorded event is announced in the same transaction as an
 * {@link org.carebook.events.EventRecorded}, which webhooks and notifications build on.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Events",
        allowedDependencies = {"api", "kernel"})
package org.carebook.events;
