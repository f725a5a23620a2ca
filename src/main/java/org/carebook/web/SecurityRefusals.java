package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/** Every refusal of the security filter chain, in the API's error envelope. */
@Component
class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ErrorResponses errors;

    SecurityRefusals(ErrorResponses errors) {
        this.errors = errors;
    }

    /** The firewall refused the URL or a header: {@code ;}, encoded {@code /} or {@code %}, dot segments, {@code //}. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        errors.write(
                request,
                response,
                CarebookException.badRequest(
                        "malformed_url",
                        "The request's address or headers are not in a form this server accepts: no ';' parameters, "
                                + "encoded '/', '\\\\', '%' or '.', dot segments or empty segments."));
    }

    /** Nobody authenticated reached a route that needs someone: outside the API such a route does not exist. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        errors.write(request, response, CarebookException.notFound("There is nothing at this address."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var result = denied instanceof AuthorizationDeniedException d ? d.getAuthorizationResult() : null;
        CarebookException refusal = result instanceof RouteGate.Decision decision
                ? switch (decision.verdict()) {
                    case MISSING_SCOPE -> CarebookException.missingScope(decision.scope());
                    case NO_SCOPE_DECLARED ->
                        CarebookException.forbidden(
                                "missing_scope", "This endpoint declares no scope, so no key may call it.", List.of());
                    case NOT_PATIENT_LINK ->
                        CarebookException.forbidden(
                                "not_allowed",
                                "Only a patient's manage link reaches this endpoint, and it reaches nothing else.",
                                List.of());
                    case LIVE_ONLY ->
                        CarebookException.forbidden(
                                "live_only", "Only a live key or a live session may do this.", List.of());
                    case NOT_ADMIN ->
                        CarebookException.unauthorised("invalid_key", "The admin token is missing or wrong.");
                    case NO_ROUTE, ALLOWED -> CarebookException.notFound("There is nothing at this address.");
                }
                : CarebookException.notFound("There is nothing at this address.");
        errors.write(request, response, refusal);
    }
}
