package org.carebook.web;

import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the authenticated {@link Caller} to controller methods. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Object caller = request.getAttribute(ApiKeyAuthenticationFilter.CALLER, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw CarebookException.unauthorised("missing_key", "An API key is required.");
        }
        return caller;
    }
}
