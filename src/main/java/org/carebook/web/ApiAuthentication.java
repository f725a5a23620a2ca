package org.carebook.web;

import java.util.List;

import org.carebook.kernel.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who Spring Security holds as the caller: an API key's {@link Caller}, or the platform admin. */
final class ApiAuthentication extends AbstractAuthenticationToken {

    static final String ADMIN = "ROLE_PLATFORM_ADMIN";

    private final Caller caller;

    private ApiAuthentication(Caller caller, List<SimpleGrantedAuthority> authorities) {
        super(authorities);
        this.caller = caller;
        setAuthenticated(true);
    }

    static ApiAuthentication key(Caller caller) {
        return new ApiAuthentication(caller, caller.scopes().stream()
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.wire())).toList());
    }

    static ApiAuthentication admin() {
        return new ApiAuthentication(null, List.of(new SimpleGrantedAuthority(ADMIN)));
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
