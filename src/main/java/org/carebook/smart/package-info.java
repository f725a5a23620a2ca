/**
 * SMART Backend Services (docs/fhir.md#smart-backend-services): system clients registered with their public keys,
 * the OAuth 2.0 token endpoint where they trade a signed JWT for a short-lived access token of SMART system scopes
 * mapped onto Carebook's, and the discovery document. Public: {@link org.carebook.smart.SmartClients},
 * {@link org.carebook.smart.AccessTokens}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "SMART Backend Services",
        allowedDependencies = {"api", "egress", "kernel"})
package org.carebook.smart;
