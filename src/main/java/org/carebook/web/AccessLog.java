package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeUnit;
import org.carebook.kernel.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line per request, on the {@code carebook.access} logger: method, route template, status, duration, request
 * id and organization. The route is the template a handler matched ({@code /v1/patients/{id}}), never the path
 * or the query, which can hold a patient's name or a manage link's token; a request no route matched logs
 * {@code (no route)}. In JSON the same values are fields of the line as well.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("carebook.access");
    private static final String NO_ROUTE = "(no route)";

    private AccessLog() {}

    static void write(HttpServletRequest request, HttpServletResponse response, long startedNanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        String route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                ? pattern
                : NO_ROUTE;
        String organization = request.getAttribute(ApiKeyAuthenticationFilter.CALLER) instanceof Caller caller
                ? caller.tenant().organizationId()
                : "-";
        try (var method = MDC.putCloseable("http.request.method", request.getMethod());
                var template = MDC.putCloseable("http.route", route);
                var status = MDC.putCloseable("http.response.status_code", Integer.toString(response.getStatus()));
                var duration = MDC.putCloseable("event.duration_ms", Long.toString(millis));
                var org = MDC.putCloseable("organization_id", organization)) {
            LOG.info(
                    "{} {} {} {} ms request {} organization {}",
                    request.getMethod(),
                    route,
                    response.getStatus(),
                    millis,
                    MDC.get("request_id"),
                    organization);
        }
    }
}
