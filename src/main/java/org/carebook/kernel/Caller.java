package org.carebook.kernel;

import java.util.List;
import java.util.Set;

/**
 * Who is calling: the authenticated key, the request it came with (for the audit log), and the interface it came
 * through.
 */
public record Caller(
        String keyId,
        KeyKind kind,
        Tenant tenant,
        Set<Scope> scopes,
        List<String> allowedOrigins,
        String requestId,
        String ip,
        Channel channel) {

    /** A caller of the JSON API (or the console, the widget, a patient's page). */
    public Caller(
            String keyId,
            KeyKind kind,
            Tenant tenant,
            Set<Scope> scopes,
            List<String> allowedOrigins,
            String requestId,
            String ip) {
        this(keyId, kind, tenant, scopes, allowedOrigins, requestId, ip, Channel.API);
    }

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
        return new Caller(keyId, kind, tenant, scopes, allowedOrigins, requestId, ip, channel);
    }

    /** The same caller, come through another interface (FHIR's operations say so before they book). */
    public Caller through(Channel through) {
        return new Caller(keyId, kind, tenant, scopes, allowedOrigins, requestId, ip, through);
    }
}
