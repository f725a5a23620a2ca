package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.carebook.staff.StaffAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's gate (docs/console.md): staff sign in with e-mail and password into a session kept in
 * PostgreSQL, every form carries a CSRF token, and nothing under {@code /console} but the sign-in and
 * invitation pages is served without a session. API keys never reach these pages, and sessions never reach
 * the API: the API's chain ({@link SecurityConfiguration}) keeps no sessions at all.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /** The console's own pages, scripts and styles may load; nothing from elsewhere, and no inline script. */
    private static final String CONTENT_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain console(
            HttpSecurity http,
            StaffAccounts accounts,
            AuthFailures failures,
            ObjectProvider<ClientRegistrationRepository> singleSignOn,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> staffByEmail) {
        http.securityMatcher("/console", "/console/**")
                .authenticationProvider(new StaffSignIn(accounts, failures))
                .formLogin(form -> form.loginPage("/console/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/console", true)
                        .failureHandler(ConsoleSecurityConfiguration::signInFailed)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?signed-out"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_POLICY))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/console/login",
                                "/console/welcome/**",
                                "/console/reset",
                                "/console/reset/**",
                                "/console/assets/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterAfter(new ConsoleCallerFilter(accounts), AuthorizationFilter.class);
        var provider = singleSignOn.getIfAvailable();
        if (provider != null) {
            http.oauth2Login(sso -> sso.loginPage("/console/login")
                    .clientRegistrationRepository(provider)
                    .authorizationEndpoint(endpoint -> endpoint.baseUri("/console/oauth2/authorization"))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri("/console/login/oauth2/code/*"))
                    .userInfoEndpoint(users -> users.oidcUserService(staffByEmail.getObject()))
                    .defaultSuccessUrl("/console", true)
                    .failureUrl("/console/login?sso-failed"));
        }
        return http.build();
    }

    /**
     * A wrong address or password goes back to the form; too many sign-ins at once are told to come back
     * shortly (503 with Retry-After), never left to exhaust memory or end in a 500.
     */
    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof StaffSignIn.Busy) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "2");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Many people are signing in at once. Try again in a moment.\n");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/console/login?failed");
    }
}
