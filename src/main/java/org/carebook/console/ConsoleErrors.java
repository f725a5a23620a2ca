package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import org.carebook.kernel.CarebookException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal or a missing thing on a console page is said on a page of the console, not as the API's JSON. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(CarebookException.class)
    String refused(CarebookException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("message", e.getMessage());
        return "console/error";
    }
}
