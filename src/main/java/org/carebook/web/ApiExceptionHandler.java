package org.carebook.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to the error envelope. Unexpected ones become a bare 500 (or 503 when the
 * database is out of reach); the log gets the request id and the exception's type and SQLState, never
 * its message, which for database errors can quote the values of a row (patient data).
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** {@code carebook.conflicts} by reason: every 409 the API answers (a time taken, a limit reached, …). */
    private final MeterRegistry metrics;

    private final ErrorResponses errors;

    ApiExceptionHandler(MeterRegistry metrics, ErrorResponses errors) {
        this.metrics = metrics;
        this.errors = errors;
    }

    @ExceptionHandler(CarebookException.class)
    ResponseEntity<?> carebook(CarebookException e, HttpServletRequest request) {
        return respond(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (causedBy(e, LimitedBodyRequest.BodyTooLargeException.class)) {
            return respond(ErrorResponses.payloadTooLarge(), request);
        }
        return respond(CarebookException.badRequest("malformed_json", "The request body is not valid JSON."), request);
    }

    /** Tomcat refuses a query string it cannot split into parameters (such as {@code &=x}) when it is first read. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<?> malformedQuery(Exception e, HttpServletRequest request) {
        return respond(
                CarebookException.badRequest("malformed_query", "The query string is not well formed."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<?> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(ErrorResponses.forStatus(415), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<?> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        var response = respond(ErrorResponses.forStatus(405), request);
        return e.getSupportedHttpMethods() == null
                ? response
                : ResponseEntity.status(405)
                        .headers(response.getHeaders())
                        .allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
                        .body(response.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return respond(ErrorResponses.forStatus(404), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<?> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(
                CarebookException.invalid(List.of(new FieldIssue(e.getParameterName(), "is required"))), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<?> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(CarebookException.invalid(List.of(new FieldIssue(e.getName(), "has the wrong type"))), request);
    }

    /** A database out of reach, restarting, full or read-only, as {@link DatabaseFailures} tells. */
    private ResponseEntity<?> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        return respond(ErrorResponses.unavailable(), request);
    }

    /**
     * Booking names the constraint that refused a write itself; this is the backstop, so a lost race on
     * an exclusion constraint (SQLState 23P01) can never surface as a 500.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<?> integrity(Exception e, HttpServletRequest request) {
        if (sqlState(e).contains("23P01")) {
            return respond(CarebookException.conflict("slot_taken", "That time was just taken."), request);
        }
        return unexpected(e, request);
    }

    /** A client that went away mid-answer (a closed console page's event stream): nobody to answer. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone() {
        // nothing to write
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseFailures.unavailable(e)) {
            return databaseUnavailable(e, request);
        }
        log.error(
                "Unexpected failure of {} {}: {}{} at {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getName(),
                sqlState(e),
                firstFrame(e));
        return respond(ErrorResponses.internal(), request);
    }

    private ResponseEntity<?> respond(CarebookException e, HttpServletRequest request) {
        if (e.status() == 409) {
            metrics.counter("carebook.conflicts", "reason", e.reason()).increment();
        }
        return errors.entity(request, ErrorResponses.pathOf(request), e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return " (SQLState " + sql.getSQLState() + ")";
            }
        }
        return "";
    }

    private static String firstFrame(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.carebook")) {
                return frame.toString();
            }
        }
        return e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?";
    }
}
