package org.carebook.web;

import java.util.List;
import org.carebook.kernel.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Who Spring Security holds as the caller: an API key's {@link Caller}, or the platform admin. It carries no
 * granted authorities: {@link RouteGate} decides on the caller's scopes, so none are built per request.
 */
final class ApiAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    private ApiAuthentication(Caller caller) {
        super(List.of());
        this.caller = caller;
        setAuthenticated(true);
    }

    static ApiAuthentication key(Caller caller) {
        return new ApiAuthentication(caller);
    }

    static ApiAuthentication admin() {
        return new ApiAuthentication(null);
    }

    /** The key's caller; null for the admin, who acts on no organization. */
    Caller caller() {
        return caller;
    }

    boolean isAdmin() {
        return caller == null;
    }

    @Override
    public Object getPrincipal() {
        return caller == null ? "platform-admin" : caller.keyId();
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
