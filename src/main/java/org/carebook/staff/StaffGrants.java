package org.carebook.staff;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Scope;

/**
 * Nobody grants more than they hold: a caller may give a role, or change or remove someone who has one, only
 * when every scope of that role is one of its own. So a key with {@code manage_staff} but not
 * {@code read_patients} can make nobody who reads patients, and a front desk can never touch an owner.
 */
final class StaffGrants {

    private StaffGrants() {}

    /** Why {@code held} may not give {@code role}, if it may not. */
    static Optional<CarebookException> refusalToGrant(Set<Scope> held, StaffRole role) {
        if (held.containsAll(role.scopes())) {
            return Optional.empty();
        }
        var missing = role.scopes().stream()
                .filter(scope -> !held.contains(scope))
                .map(Scope::wire)
                .sorted()
                .toList();
        return Optional.of(CarebookException.forbidden(
                "cannot_grant",
                "The role " + role.wire() + " holds scopes you do not hold: " + String.join(", ", missing) + ".",
                List.of(new FieldIssue("role", "needs scopes you do not hold"))));
    }

    /** Why {@code held} may not change or remove a member of staff with {@code current}, if it may not. */
    static Optional<CarebookException> refusalToManage(Set<Scope> held, StaffRole current) {
        return held.containsAll(current.scopes())
                ? Optional.empty()
                : Optional.of(CarebookException.forbidden(
                        "cannot_grant",
                        "This member of staff holds scopes you do not hold, so you cannot change or remove them.",
                        List.of()));
    }

    /** Whether a change leaves the organization without an active owner. */
    static boolean leavesNoOwner(
            StaffRole role, StaffStatus status, StaffRole newRole, StaffStatus newStatus, int activeOwners) {
        boolean wasOwner = role == StaffRole.OWNER && status == StaffStatus.ACTIVE;
        boolean staysOwner = newRole == StaffRole.OWNER && newStatus == StaffStatus.ACTIVE;
        return wasOwner && !staysOwner && activeOwners <= 1;
    }
}
