package org.carebook.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.carebook.kernel.CarebookException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets: the client's address through trusted proxies, a request id, the
 * API version header, and the 64 KiB body limit, before any authentication or parsing work is spent on it;
 * and the last: its line in the access log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeFilter extends OncePerRequestFilter {

    static final String VERSION = "2026-11-01";
    static final int MAX_BODY = 64 * 1024;
    /** What Tomcat sets when it could not read a request's parameters (its {@code Globals}' name for it). */
    private static final String PARAMETERS_FAILED = "org.apache.catalina.parameter_parse_failed";

    private final ErrorResponses errors;
    private final TrustedProxies proxies;

    EdgeFilter(ErrorResponses errors, TrustedProxies proxies) {
        this.errors = errors;
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest received, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        HttpServletRequest request = proxies.resolve(received);
        String requestId = RequestIds.assign(request);
        response.setHeader("Request-Id", requestId);
        response.setHeader("Carebook-Version", VERSION);
        MDC.put("request_id", requestId);
        try {
            String version = request.getHeader("Carebook-Version");
            if (version != null && !VERSION.equals(version)) {
                errors.write(
                        request,
                        response,
                        CarebookException.badRequest(
                                "unsupported_version", "Carebook-Version " + VERSION + " is the only version so far."));
                return;
            }
            if (holdsNul(request.getQueryString())) {
                // No text column can store NUL, so no parameter may carry one to a query.
                errors.write(
                        request,
                        response,
                        CarebookException.badRequest(
                                "malformed_url", "A query parameter holds a NUL character (%00)."));
                return;
            }
            if (request.getContentLengthLong() > MAX_BODY || formTooLarge(request)) {
                errors.write(request, response, ErrorResponses.payloadTooLarge());
                return;
            }
            chain.doFilter(new LimitedBodyRequest(request, MAX_BODY), response);
        } catch (RuntimeException | ServletException e) {
            // The database failed outside any controller (in authentication, say): still a 503, not a 500.
            if (!DatabaseFailures.unavailable(e) || response.isCommitted()) {
                throw e;
            }
            errors.write(request, response, ErrorResponses.unavailable());
        } finally {
            AccessLog.write(request, response, started);
            MDC.remove("request_id");
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    /**
     * A form (the console's) is read by Tomcat itself, not through {@link LimitedBodyRequest}; Tomcat stops at
     * {@code server.tomcat.max-http-form-post-size} (64 KiB, chunked or not) and marks the request, which is
     * then refused here rather than handled with its fields silently missing. The console's pages are UTF-8, so
     * their forms are read as UTF-8: once read here, later filters can no longer set how ("Zoë", not "ZoÃ«").
     */
    private static boolean formTooLarge(HttpServletRequest request) throws java.io.UnsupportedEncodingException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return false;
        }
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        }
        request.getParameterNames();
        return request.getAttribute(PARAMETERS_FAILED) != null;
    }

    private static boolean holdsNul(String query) {
        return query != null && (query.contains("%00") || query.indexOf('\u0000') >= 0);
    }
}
