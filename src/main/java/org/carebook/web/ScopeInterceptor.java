package org.carebook.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.RequiresScope;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link RequiresScope} before any handler code runs. */
class ScopeInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null || !(request.getAttribute(ApiAccessFilter.CALLER) instanceof Caller caller)) {
            return true;
        }
        if (Arrays.stream(required.value()).noneMatch(caller::has)) {
            throw CarebookException.missingScope(required.value()[0]);
        }
        return true;
    }
}
