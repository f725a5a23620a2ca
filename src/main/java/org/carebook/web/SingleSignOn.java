package org.carebook.web;

import org.carebook.staff.StaffAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The provider, found from its issuer's discovery document at start-up, and how its users become staff: once
 * by a verified e-mail address ({@code email_verified: true}) that was invited here, and from then on by the
 * provider's issuer and subject alone. Nobody gets an account by signing in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${carebook.oidc-issuer:}' != ''")
class SingleSignOn {

    static final String REGISTRATION = "sso";

    @Bean
    ClientRegistrationRepository singleSignOnProvider(SingleSignOnSettings settings) {
        var registration = ClientRegistrations.fromIssuerLocation(settings.oidcIssuer())
                .registrationId(REGISTRATION)
                .clientId(settings.oidcClientId())
                .clientSecret(settings.oidcClientSecret())
                .scope("openid", "email", "profile")
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> staffByIdentity(StaffAccounts accounts) {
        var provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            String issuer = String.valueOf(user.getIssuer());
            String userId = accounts.singleSignOn(issuer, user.getSubject(), user.getEmail(), user.getEmailVerified())
                    .orElseThrow(() -> refused("no_account"));
            return new StaffOidcUser(user, new StaffPrincipal(userId));
        };
    }

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(reason));
    }
}
