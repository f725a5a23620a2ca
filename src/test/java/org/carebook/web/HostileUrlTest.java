package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Scope;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the API, reached through every disguise a path can wear (';' parameters on each segment,
 * %-escaped letters and slashes, dot segments, doubled slashes, case changes, a trailing slash), by a caller
 * who may not call it: no key, a publishable key, a key without the route's scope. None may get a 2xx,
 * and none may make the server fail.
 */
class HostileUrlTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A route and the scopes any one of which lets a key call it (none: the admin's). */
    private record Route(String method, String path, Set<Scope> scopes) {}

    private record Attempt(String caller, String method, String path) {}

    @Test
    void noDisguisedPathReachesARouteItsCallerMayNotUse() {
        var org = newOrganization();
        var auditOnly = keyWithScopes(org, "read_audit");
        var catalogOnly = keyWithScopes(org, "read_catalog");
        var routes = routes();
        assertThat(routes).hasSizeGreaterThan(40);

        var attempts = new ArrayList<Attempt>();
        for (Route route : routes) {
            for (String path : disguises(route.path())) {
                attempts.add(new Attempt("none", route.method(), path));
                if (route.scopes().stream().noneMatch(Scope.PUBLISHABLE::contains)) {
                    attempts.add(new Attempt("publishable", route.method(), path));
                }
                attempts.add(new Attempt(
                        route.scopes().contains(Scope.READ_AUDIT) ? "catalog" : "audit", route.method(), path));
            }
        }
        var wrong = new ConcurrentLinkedQueue<String>();
        attempts.parallelStream().forEach(attempt -> {
            String key = switch (attempt.caller()) {
                case "publishable" -> org.publishableKey();
                case "catalog" -> catalogOnly.key();
                case "audit" -> auditOnly.key();
                default -> null;
            };
            int status = send(attempt.method(), attempt.path(), key);
            if ((status >= 200 && status < 300) || status >= 500) {
                wrong.add(status + " " + attempt);
            }
        });
        assertThat(attempts).hasSizeGreaterThan(2_000);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDisguisesAreRefusedByTheFirewallBeforeAnyRouteIsChosen() {
        for (String path : List.of(
                "/admin;x/v1/organizations",
                "/v1/locations;jsessionid=1",
                "/v1/./locations",
                "/v1//locations",
                "/v1/locations/%2e%2e/patients",
                "/v1%2Flocations",
                "/v1/%5Clocations")) {
            var response = anonymous().get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.error().get("code").stringValue()).as(path).isEqualTo("BAD_REQUEST");
        }
    }

    /** Every {@code /v1} and {@code /admin} route with its method and the scopes it takes. */
    private List<Route> routes() {
        var routes = new ArrayList<Route>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("org.carebook.")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/v1/") || pattern.startsWith("/admin/")) {
                    methods(info).forEach(m -> routes.add(new Route(m, concrete(pattern), scopes(method))));
                }
            }
        });
        return routes;
    }

    private static Set<String> methods(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty()
                ? Set.of("GET", "POST")
                : methods.stream().map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<Scope> scopes(HandlerMethod method) {
        var required = method.getMethodAnnotation(RequiresScope.class);
        return required == null ? Set.of() : Set.of(required.value());
    }

    /** The pattern with each variable filled in, so that the plain path names something that could exist. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{date}", "2027-01-04").replaceAll("\\{[^}]+}", "x_1");
    }

    static Set<String> disguises(String path) {
        List<String> segments = Arrays.stream(path.substring(1).split("/")).toList();
        var disguises = new LinkedHashSet<String>();
        for (int i = 0; i < segments.size(); i++) {
            disguises.add(join(segments, i, segments.get(i) + ";x=1"));
            disguises.add(join(segments, i, escapeFirstLetter(segments.get(i))));
            disguises.add(join(segments, i, segments.get(i).toUpperCase(Locale.ROOT)));
            disguises.add(join(segments, i, "." + "/" + segments.get(i)));
            disguises.add(join(segments, i, "x/../" + segments.get(i)));
            disguises.add(join(segments, i, "/" + segments.get(i)));
            if (i > 0) {
                disguises.add(join(segments.subList(0, i), i - 1, segments.get(i - 1)) + "%2F"
                        + String.join("/", segments.subList(i, segments.size())));
            }
        }
        disguises.add(path + "/");
        disguises.add(path + "/.");
        disguises.add(path + "%2e");
        disguises.add(path + "%5C");
        disguises.remove(path);
        return disguises;
    }

    private static String join(List<String> segments, int index, String replacement) {
        var copy = new ArrayList<>(segments);
        copy.set(index, replacement);
        return "/" + String.join("/", copy);
    }

    private static String escapeFirstLetter(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isLetter(c)) {
                return segment.substring(0, i) + String.format("%%%02X", (int) c) + segment.substring(i + 1);
            }
        }
        return segment;
    }

    private int send(String method, String path, String key) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        boolean body = method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
        if (body) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return Api.execute(builder.build()).status();
    }
}
