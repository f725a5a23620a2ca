package org.carebook.staff;

import java.util.Set;
import org.carebook.kernel.Scope;

/**
 * Who a console session acts as, read afresh on every request so that a role change, a disabled account or a
 * removal counts at once on every server process: the membership (its id is the staff id that events and the
 * audit log name), its organization, and what the role lets them do.
 */
public record SignedInStaff(String staffId, String organizationId, String organizationName, StaffRole role) {

    public Set<Scope> scopes() {
        return role.scopes();
    }
}
