package org.carebook.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's frame needs: the page's own address, to come back to after choosing a language. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /** The parameters that say what a calendar shows; nothing else of an address is carried back. */
    private static final List<String> KEPT = List.of("location", "date", "clinician", "by");

    /** This page's address when it can be asked for again (a GET), with its calendar's parameters, else home. */
    @ModelAttribute("consolePath")
    String consolePath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/console";
        }
        String query = KEPT.stream()
                .filter(name -> request.getParameter(name) != null)
                .map(name -> name + "=" + URLEncoder.encode(request.getParameter(name), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return ConsolePaths.back(request.getRequestURI() + (query.isEmpty() ? "" : "?" + query));
    }
}
