package org.carebook.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeUnit;
import org.carebook.kernel.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.ServerHttpObservationFilter;
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
                var org = MDC.putCloseable("organization_id", organization);
                var trace = correlate(span(request))) {
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

    /** Closes without an exception to declare. */
    private interface Correlation extends AutoCloseable {
        @Override
        void close();
    }

    private static Correlation correlate(TraceContext span) {
        if (span == null) {
            return () -> {};
        }
        var trace = MDC.putCloseable("traceId", span.traceId());
        var id = MDC.putCloseable("spanId", span.spanId());
        return () -> {
            id.close();
            trace.close();
        };
    }

    /**
     * The request's span: the line is written as the answer leaves, after the observation's scope has closed, so
     * the trace and span ids are put back for it (the log pattern's correlation and JSON's fields read them).
     */
    private static TraceContext span(HttpServletRequest request) {
        return ServerHttpObservationFilter.findObservationContext(request)
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .orElse(null);
    }
}
