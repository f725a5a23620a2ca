package org.carebook.api;

import org.carebook.kernel.CarebookException;

/**
 * Errors in another shape for the paths under one prefix, such as FHIR's OperationOutcome under {@code /fhir}.
 * The edge asks for it wherever it answers an error (filters, the gate, Spring MVC, the servlet error page), so
 * a client of those paths never meets the API's envelope; everywhere else the envelope stays.
 */
public interface ErrorFormat {

    /** The path prefix (from the context root, such as {@code /fhir/}) whose errors this format writes. */
    String pathPrefix();

    Rendered render(CarebookException e, String requestId);

    /** The answer: its status may differ from the exception's where the other standard says so. */
    record Rendered(int status, String contentType, byte[] body) {}
}
