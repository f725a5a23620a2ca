package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import org.carebook.kernel.Ids;

/** Every request gets an id, returned as the Request-Id header and in any error body. */
final class RequestIds {

    static final String ATTRIBUTE = "carebook.requestId";

    private RequestIds() {}

    static String assign(HttpServletRequest request) {
        String id = Ids.next("req");
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? assign(request) : id.toString();
    }
}
