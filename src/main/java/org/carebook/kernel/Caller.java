package org.carebook.kernel;

import java.util.List;
import java.util.Set;

/** Who is calling: the authenticated key, and the request it came with (for the audit log). */
public record Caller(
        String keyId,
        KeyKind kind,
        Tenant tenant,
        Set<Scope> scopes,
        List<String> allowedOrigins,
        String requestId,
        String ip) {

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isPublishable() {
        return kind == KeyKind.PUBLISHABLE;
    }

    /** A patient acting through a manage link, held by them alone but never by clinic staff. */
    public boolean isPatient() {
        return kind == KeyKind.PATIENT;
    }

    public Caller withRequest(String requestId, String ip) {
        return new Caller(keyId, kind, tenant, scopes, allowedOrigins, requestId, ip);
    }
}
