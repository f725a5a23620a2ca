package org.carebook.staff;

import java.time.Instant;
import org.carebook.kernel.Tenant;

/** What signing in checks: the password's hash and whether failed attempts have locked the account for now. */
public record Credentials(
        String staffId,
        String organizationId,
        StaffRole role,
        String clinicianId,
        String name,
        String passwordHash,
        Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Tenant tenant(org.carebook.kernel.Mode mode) {
        return new Tenant(organizationId, mode);
    }
}
