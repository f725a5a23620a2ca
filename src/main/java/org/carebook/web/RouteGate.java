package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.carebook.api.ForPatientLink;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Scope;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides each {@code /v1} and {@code /admin} request by asking Spring MVC which handler would run, so the
 * rule and the route can never read a path differently. Deny by default: a path no handler serves does
 * not exist (404), a {@code /v1} handler without {@link RequiresScope} is refused to every key, a key
 * without one of the handler's scopes is refused, only a manage link reaches (and reaches only)
 * {@link ForPatientLink} handlers, and only the admin reaches {@code /admin} handlers.
 */
final class RouteGate {

    /** Why a request was let through or refused, for the refusal's answer. */
    enum Verdict {
        ALLOWED,
        NO_ROUTE,
        MISSING_SCOPE,
        NO_SCOPE_DECLARED,
        NOT_ADMIN,
        /** A test-mode caller asked for a route that only live callers may reach. */
        LIVE_ONLY,
        /** A manage link's route asked by a key, or a manage link asking for any other route. */
        NOT_PATIENT_LINK
    }

    static final class Decision extends AuthorizationDecision {

        private final Verdict verdict;
        private final Scope scope;

        Decision(Verdict verdict, Scope scope) {
            super(verdict == Verdict.ALLOWED);
            this.verdict = verdict;
            this.scope = scope;
        }

        Verdict verdict() {
            return verdict;
        }

        /** The scope the caller lacks, with {@link Verdict#MISSING_SCOPE}. */
        Scope scope() {
            return scope;
        }
    }

    private static final Decision ALLOWED = new Decision(Verdict.ALLOWED, null);

    private final RequestMappingHandlerMapping mappings;

    RouteGate(RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    AuthorizationManager<RequestAuthorizationContext> api() {
        return (authentication, context) -> decideApi(authentication, context.getRequest());
    }

    AuthorizationManager<RequestAuthorizationContext> admin() {
        return (authentication, context) -> decideAdmin(authentication, context.getRequest());
    }

    private AuthorizationResult decideApi(
            Supplier<? extends Authentication> authentication, HttpServletRequest request) {
        Lookup lookup = lookup(request);
        if (lookup.refusedByMvc()) {
            return ALLOWED; // MVC answers 405, 406 or 415 without running any handler
        }
        if (lookup.handler().isEmpty()) {
            return new Decision(Verdict.NO_ROUTE, null);
        }
        var handler = lookup.handler().get();
        boolean patient = authentication.get() instanceof ApiAuthentication key
                && key.caller().isPatient();
        if (handler.hasMethodAnnotation(ForPatientLink.class) || patient) {
            // A manage link reaches its own routes and nothing else; no key reaches them.
            return patient && handler.hasMethodAnnotation(ForPatientLink.class)
                    ? ALLOWED
                    : new Decision(Verdict.NOT_PATIENT_LINK, null);
        }
        RequiresScope required = handler.getMethodAnnotation(RequiresScope.class);
        if (required == null || required.value().length == 0) {
            return new Decision(Verdict.NO_SCOPE_DECLARED, null);
        }
        if (!(authentication.get() instanceof ApiAuthentication key) || key.isAdmin()) {
            return new Decision(Verdict.MISSING_SCOPE, required.value()[0]);
        }
        if (required.liveOnly() && key.caller().tenant().mode() != Mode.LIVE) {
            return new Decision(Verdict.LIVE_ONLY, null);
        }
        boolean held = Arrays.stream(required.value()).anyMatch(key.caller()::has);
        return held ? ALLOWED : new Decision(Verdict.MISSING_SCOPE, required.value()[0]);
    }

    private AuthorizationResult decideAdmin(
            Supplier<? extends Authentication> authentication, HttpServletRequest request) {
        if (!(authentication.get() instanceof ApiAuthentication caller) || !caller.isAdmin()) {
            return new Decision(Verdict.NOT_ADMIN, null);
        }
        Lookup lookup = lookup(request);
        return lookup.refusedByMvc() || lookup.handler().isPresent() ? ALLOWED : new Decision(Verdict.NO_ROUTE, null);
    }

    /** The handler MVC would pick, or none, or MVC's own refusal (a known path with another method or type). */
    private record Lookup(Optional<HandlerMethod> handler, boolean refusedByMvc) {}

    private Lookup lookup(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mappings.getHandler(request);
            boolean ours = chain != null
                    && chain.getHandler() instanceof HandlerMethod method
                    && method.getBeanType().getName().startsWith("org.carebook.");
            return new Lookup(ours ? Optional.of((HandlerMethod) chain.getHandler()) : Optional.empty(), false);
        } catch (Exception refused) {
            return new Lookup(Optional.empty(), true);
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
        }
    }
}
