package org.carebook.web;

import java.io.Serializable;
import org.carebook.kernel.Caller;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Tenant;
import org.carebook.staff.StaffRole;
import org.springframework.security.core.AuthenticatedPrincipal;

/** Who is signed in to the console, as kept in the session (serialised into PostgreSQL by Spring Session). */
record StaffPrincipal(String staffId, String organizationId, StaffRole role, String clinicianId, String name)
        implements AuthenticatedPrincipal, Serializable {

    /** The name Spring Session indexes sessions by: the staff member's id. */
    @Override
    public String getName() {
        return staffId;
    }

    /** The caller facades see: the staff member's id in place of a key's, the role's scopes, in that mode. */
    Caller caller(Mode mode, String requestId, String ip) {
        return new Caller(
                staffId,
                KeyKind.STAFF,
                new Tenant(organizationId, mode),
                role.scopes(),
                java.util.List.of(),
                requestId,
                ip);
    }
}
