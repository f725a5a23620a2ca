package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.carebook.api.ErrorFormat;
import org.carebook.kernel.CarebookException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error answer: the envelope, or the {@link ErrorFormat} of the path's family (FHIR's
 * OperationOutcome). Filters and the gate call {@link #write}, Spring MVC and the error page {@link #entity}.
 */
@Component
class ErrorResponses {

    /** A 503 is brief by nature (a database restarting or failing over): clients may try again this soon. */
    private static final String RETRY_AFTER_SECONDS = "2";

    private final JsonMapper json;
    private final List<ErrorFormat> formats;

    ErrorResponses(JsonMapper json, List<ErrorFormat> formats) {
        this.json = json;
        this.formats = List.copyOf(formats);
    }

    void write(HttpServletRequest request, HttpServletResponse response, CarebookException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (e.status() == 503 && response.getHeader("Retry-After") == null) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        var format = formatOf(pathOf(request));
        if (format.isPresent()) {
            var rendered = format.get().render(e, RequestIds.of(request));
            response.setStatus(rendered.status());
            response.setContentType(rendered.contentType());
            response.getOutputStream().write(rendered.body());
            return;
        }
        response.setStatus(e.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ErrorBody.of(e, RequestIds.of(request)));
    }

    /** The answer to {@code e} for a request to {@code path} (the original one, on the error page). */
    ResponseEntity<?> entity(HttpServletRequest request, String path, CarebookException e) {
        var format = formatOf(path);
        var headers = new HttpHeaders();
        if (e.status() == 503) {
            headers.set("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (format.isPresent()) {
            var rendered = format.get().render(e, RequestIds.of(request));
            return ResponseEntity.status(rendered.status())
                    .headers(headers)
                    .contentType(MediaType.parseMediaType(rendered.contentType()))
                    .body(rendered.body());
        }
        return ResponseEntity.status(e.status()).headers(headers).body(ErrorBody.of(e, RequestIds.of(request)));
    }

    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private Optional<ErrorFormat> formatOf(String path) {
        return path == null
                ? Optional.empty()
                : formats.stream().filter(f -> path.startsWith(f.pathPrefix())).findFirst();
    }

    static CarebookException forStatus(int status) {
        return switch (status) {
            case 400 -> CarebookException.badRequest("bad_request", "The request could not be understood.");
            case 401 -> CarebookException.unauthorised("missing_key", "An API key is required.");
            case 404 -> CarebookException.notFound("There is nothing at this address.");
            case 405 ->
                new CarebookException(
                        405,
                        "METHOD_NOT_ALLOWED",
                        "method_not_allowed",
                        "This address does not accept that method.",
                        List.of());
            case 413 -> payloadTooLarge();
            case 415 ->
                new CarebookException(
                        415,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "unsupported_media_type",
                        "Send JSON with Content-Type: application/json.",
                        List.of());
            case 503 -> unavailable();
            default ->
                status >= 500
                        ? internal()
                        : new CarebookException(
                                status, "BAD_REQUEST", "bad_request", "The request was refused.", List.of());
        };
    }

    static CarebookException payloadTooLarge() {
        return new CarebookException(
                413, "PAYLOAD_TOO_LARGE", "payload_too_large", "The request body is larger than 64 KiB.", List.of());
    }

    static CarebookException internal() {
        return new CarebookException(
                500,
                "INTERNAL_ERROR",
                "internal_error",
                "Something went wrong on our side. It has been logged with the request id.",
                List.of());
    }

    static CarebookException unavailable() {
        return new CarebookException(
                503, "UNAVAILABLE", "unavailable", "The service is briefly unavailable. Retry shortly.", List.of());
    }
}
