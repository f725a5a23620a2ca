package org.carebook.web;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.organization.ApiKeys;
import org.carebook.selfservice.ManageLinks;
import org.carebook.smart.AccessTokens;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication inside the security filter chain: the platform admin token on {@code /admin}, API keys on
 * {@code /v1} and {@code /fhir} (Bearer or Basic), patients' manage links (Bearer {@code cbm_…}), SMART backend
 * clients' access tokens on {@code /fhir} (Bearer {@code cbt_…}), the browser origin rules of publishable keys with their CORS answers, and
 * rate limits. Paths are matched as Spring MVC routes them (decoded), after the firewall has refused
 * ambiguous ones. What a caller may then do is decided by {@link RouteGate}.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String CALLER = "carebook.caller";
    private static final String EXPOSED = "Request-Id, Carebook-Version, Idempotent-Replayed, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset, Retry-After";
    private static final RequestMatcher ADMIN = pathPattern("/admin/**");
    private static final RequestMatcher API = pathPattern("/v1/**");
    private static final RequestMatcher FHIR = pathPattern("/fhir/**");
    private static final RequestMatcher API_DOCUMENT = pathPattern("/v1/openapi.json/**");
    private static final RequestMatcher TOKEN_ENDPOINT = pathPattern("/oauth2/token");

    private static final String MANAGE_LINK = "cbm_";

    private final ApiKeys apiKeys;
    private final ManageLinks manageLinks;
    private final AccessTokens accessTokens;
    private final EdgeSettings properties;
    private final RateLimits rateLimits;
    private final AuthFailures failures;
    private final ErrorResponses errors;

    ApiKeyAuthenticationFilter(
            ApiKeys apiKeys,
            ManageLinks manageLinks,
            AccessTokens accessTokens,
            EdgeSettings properties,
            RateLimits rateLimits,
            AuthFailures failures,
            ErrorResponses errors) {
        this.apiKeys = apiKeys;
        this.manageLinks = manageLinks;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.rateLimits = rateLimits;
        this.failures = failures;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(ADMIN.matches(request)
                        || API.matches(request)
                        || FHIR.matches(request)
                        || TOKEN_ENDPOINT.matches(request))
                || API_DOCUMENT.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (SecurityConfiguration.isPublicFhir(request) || TOKEN_ENDPOINT.matches(request)) {
                // No key (the token endpoint checks its own assertion), but not free: each address gets its own
                // share, like a publishable key's callers.
                rateLimits.consumeAnonymous(request.getRemoteAddr(), response);
            } else if (ADMIN.matches(request)) {
                checkAdmin(request, response);
                SecurityContextHolder.getContext().setAuthentication(ApiAuthentication.admin());
            } else if (isPreflight(request)) {
                answerPreflight(request, response);
                return;
            } else {
                Caller caller = authenticate(request, response);
                request.setAttribute(CALLER, caller);
                SecurityContextHolder.getContext().setAuthentication(ApiAuthentication.key(caller));
            }
        } catch (CarebookException e) {
            errors.write(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    private Caller authenticate(HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        failures.refuseIfBlocked(address, response);
        String key = credentials(request.getHeader("Authorization"));
        var found = key.startsWith(MANAGE_LINK)
                ? manageLinks.authenticate(key)
                : AccessTokens.isToken(key) ? smartToken(request, key) : apiKeys.authenticate(key);
        if (found.isEmpty()) {
            failures.record(address);
            throw CarebookException.unauthorised("invalid_key", "The API key is not valid.");
        }
        Caller caller = found.get().withRequest(RequestIds.of(request), address);
        String origin = request.getHeader("Origin");
        if (origin != null && caller.isPublishable()) {
            if (!allowed(caller.allowedOrigins(), origin)) {
                throw CarebookException.forbidden(
                        "origin_not_allowed", "This key may not be used from " + origin + ".", List.of());
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED);
            response.addHeader("Vary", "Origin");
        }
        rateLimits.consume(caller, response);
        return caller;
    }

    /** A SMART backend client's access token opens the FHIR API only, which is what its scopes describe. */
    private Optional<Caller> smartToken(HttpServletRequest request, String token) {
        if (!FHIR.matches(request)) {
            throw CarebookException.unauthorised(
                    "token_for_fhir_only", "SMART access tokens are for the FHIR API (/fhir/r4); use an API key here.");
        }
        return accessTokens.authenticate(token);
    }

    static String credentials(String header) {
        if (header == null || header.isBlank()) {
            throw CarebookException.unauthorised("missing_key", "Send your API key as 'Authorization: Bearer <key>'.");
        }
        String[] parts = header.strip().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String value = parts.length > 1 ? parts[1].strip() : "";
        String key = switch (scheme) {
            case "bearer" -> value;
            case "basic" -> basicUser(value);
            default -> "";
        };
        if (key.isEmpty()) {
            throw CarebookException.unauthorised("invalid_key", "The Authorization header is not a valid API key.");
        }
        return key;
    }

    private static String basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void checkAdmin(HttpServletRequest request, HttpServletResponse response) {
        if (!properties.adminEnabled()) {
            throw CarebookException.notFound("There is nothing at this address.");
        }
        failures.refuseIfBlocked(request.getRemoteAddr(), response);
        String header = request.getHeader("Authorization");
        String given =
                header == null ? "" : header.replaceFirst("(?i)^Bearer\\s+", "").strip();
        boolean same = MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), properties.adminToken().getBytes(StandardCharsets.UTF_8));
        if (!same) {
            if (header != null) {
                failures.record(request.getRemoteAddr());
            }
            throw CarebookException.unauthorised(
                    header == null ? "missing_key" : "invalid_key", "The admin token is missing or wrong.");
        }
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod())
                && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** A preflight carries no key, so it is answered for an origin that some active publishable key allows. */
    private void answerPreflight(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (!apiKeys.isOriginAllowedByAnyKey(normalise(origin))) {
            throw CarebookException.forbidden("origin_not_allowed", "This origin may not call the API.", List.of());
        }
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
        response.setHeader(
                "Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, Carebook-Version");
        response.setHeader("Access-Control-Max-Age", "600");
        response.addHeader("Vary", "Origin");
    }

    private static boolean allowed(List<String> allowedOrigins, String origin) {
        return allowedOrigins.contains(normalise(origin));
    }

    static String normalise(String origin) {
        return origin.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    }
}
