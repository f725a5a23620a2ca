package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.carebook.organization.ApiKeys;
import org.carebook.selfservice.ManageLinks;
import org.carebook.smart.AccessTokens;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The one gate: Spring Security's strict firewall for every request, API keys and the admin token
 * authenticated by {@link ApiKeyAuthenticationFilter}, routes decided by {@link RouteGate}, a short list of
 * public pages, and nothing else. Security headers on every answer: {@code Cache-Control: no-store},
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, HSTS over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Pages and documents anyone may read: the demo page and widget, the patients' manage and offer pages (their
     * links' tokens stay in the browser), calendar subscriptions' files (the token in the address is the key), the
     * API's description, health, metrics and the build's version and commit, and the SMART token endpoint (its
     * callers authenticate with a signed assertion in the form, which the endpoint checks).
     */
    private static final String[] PUBLIC = {
        "/",
        "/widget/**",
        "/manage",
        "/offer",
        "/calendars/*",
        "/oauth2/token",
        "/webjars/**",
        "/favicon.ico",
        "/docs",
        "/swagger-ui/**",
        "/v1/openapi.json",
        "/v1/openapi.json/**",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/actuator/info",
        "/error"
    };

    /**
     * What FHIR offers without a key: its CapabilityStatement, and the free times an organization chose to
     * publish (SMART Scheduling Links), which directories read without credentials.
     */
    private static final String[] PUBLIC_FHIR = {
        "/fhir/r4/metadata", "/fhir/r4/publish/**", "/fhir/r4/.well-known/smart-configuration"
    };

    private static final RequestMatcher PUBLIC_FHIR_MATCHER = new OrRequestMatcher(Arrays.stream(PUBLIC_FHIR)
            .map(PathPatternRequestMatcher::pathPattern)
            .toArray(RequestMatcher[]::new));

    static boolean isPublicFhir(HttpServletRequest request) {
        return PUBLIC_FHIR_MATCHER.matches(request);
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiKeys keys,
            ManageLinks manageLinks,
            AccessTokens accessTokens,
            EdgeSettings properties,
            RateLimits rateLimits,
            AuthFailures failures,
            ErrorResponses errors,
            SecurityRefusals refusals,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        var gate = new RouteGate(mappings);
        // Bearer keys and no sessions or cookies: nothing for a forged request to ride on, nothing to keep.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterAt(
                        new ApiKeyAuthenticationFilter(
                                keys, manageLinks, accessTokens, properties, rateLimits, failures, errors),
                        BasicAuthenticationFilter.class)
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**")
                        .access(gate.admin())
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(PUBLIC_FHIR)
                        .permitAll()
                        .requestMatchers("/v1/**", "/fhir/**")
                        .access(gate.api())
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /** Each request is observed once already, by Spring MVC; wrapping every security filter in one more costs CPU. */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer firewall(SecurityRefusals refusals) {
        return web -> web.httpFirewall(new StrictHttpFirewall()).requestRejectedHandler(refusals);
    }
}
