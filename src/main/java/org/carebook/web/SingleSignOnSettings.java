package org.carebook.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on for the console with an OpenID Connect provider ({@code CAREBOOK_OIDC_ISSUER}, client id and
 * secret); off while no issuer is set. Staff still need an account here: the provider only proves the address.
 */
@ConfigurationProperties(prefix = "carebook")
record SingleSignOnSettings(String oidcIssuer, String oidcClientId, String oidcClientSecret) {

    SingleSignOnSettings {
        if (oidcIssuer != null && !oidcIssuer.isBlank() && (oidcClientId == null || oidcClientId.isBlank())) {
            throw new IllegalArgumentException("CAREBOOK_OIDC_CLIENT_ID is needed with CAREBOOK_OIDC_ISSUER");
        }
    }

    boolean enabled() {
        return oidcIssuer != null && !oidcIssuer.isBlank();
    }
}
