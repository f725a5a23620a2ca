/**
 * The HTTP edge shared by every endpoint: request ids, versioning, body limits, authentication and
 * origins, rate limits, idempotency, scope checks and the error envelope.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"api", "kernel", "organization", "selfservice", "smart", "staff"})
package org.carebook.web;
