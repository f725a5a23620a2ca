package org.carebook.staff;

import java.util.Set;
import org.carebook.kernel.Scope;

/**
 * Who a console session acts as, read afresh on every request so that a role change, a disabled account or a
 * removal counts at once on every server process: the membership (its id is the staff id that events and the
 * audit log name), its organization, what the role lets them do, and the console language the person chose
 * ({@code en}, {@code de}, {@code fr} or {@code es}; null: their browser's).
 */
public record SignedInStaff(
        String staffId, String organizationId, String organizationName, StaffRole role, String language) {

    /** The languages the console speaks. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de", "fr", "es");

    public Set<Scope> scopes() {
        return role.scopes();
    }
}
