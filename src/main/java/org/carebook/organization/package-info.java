/**
 * Organizations (a clinic or practice group), their settings, and the API keys that act for them.
 * Public: {@link org.carebook.organization.Organizations}, {@link org.carebook.organization.ApiKeys}
 * and their views.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Organizations",
        allowedDependencies = {"api", "kernel"})
package org.carebook.organization;
