package org.carebook.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page (errors raised before Spring MVC, such as a malformed URL) in the
 * same envelope as everything else, instead of Spring Boot's default body.
 */
@RestController
class EnvelopeErrorController implements ErrorController {

    private final ErrorResponses errors;

    EnvelopeErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return errors.entity(
                request,
                path instanceof String uri
                        ? uri.substring(request.getContextPath().length())
                        : null,
                ErrorResponses.forStatus(status));
    }
}
