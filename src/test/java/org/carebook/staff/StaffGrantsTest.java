package org.carebook.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.carebook.kernel.Scope;
import org.junit.jupiter.api.Test;

/** Nobody grants more than they hold, and one owner always stays: the rules alone. */
class StaffGrantsTest {

    @Test
    void aRoleMayBeGivenOnlyByWhoeverHoldsEveryScopeOfIt() {
        var reader = EnumSet.copyOf(StaffRole.READ_ONLY.scopes());
        reader.add(Scope.MANAGE_STAFF);

        assertThat(StaffGrants.refusalToGrant(reader, StaffRole.READ_ONLY)).isEmpty();
        assertThat(StaffGrants.refusalToGrant(reader, StaffRole.FRONT_DESK)).isPresent();
        assertThat(StaffGrants.refusalToGrant(reader, StaffRole.OWNER)).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.reason()).isEqualTo("cannot_grant");
            assertThat(refusal.getMessage()).contains("manage_api_keys", "write_patients");
        });
        assertThat(StaffGrants.refusalToGrant(StaffRole.OWNER.scopes(), StaffRole.OWNER))
                .isEmpty();
    }

    @Test
    void aMemberWithScopesTheCallerLacksCannotBeChangedByIt() {
        var desk = EnumSet.copyOf(StaffRole.FRONT_DESK.scopes());
        desk.add(Scope.MANAGE_STAFF);

        assertThat(StaffGrants.refusalToManage(desk, StaffRole.OWNER)).isPresent();
        assertThat(StaffGrants.refusalToManage(desk, StaffRole.READ_ONLY)).isEmpty();
    }

    @Test
    void theLastActiveOwnerCannotStopBeingOne() {
        var owner = StaffRole.OWNER;
        var active = StaffStatus.ACTIVE;

        assertThat(StaffGrants.leavesNoOwner(owner, active, StaffRole.READ_ONLY, active, 1))
                .isTrue();
        assertThat(StaffGrants.leavesNoOwner(owner, active, owner, StaffStatus.DISABLED, 1))
                .isTrue();
        assertThat(StaffGrants.leavesNoOwner(owner, active, owner, StaffStatus.REMOVED, 1))
                .isTrue();
        assertThat(StaffGrants.leavesNoOwner(owner, active, StaffRole.READ_ONLY, active, 2))
                .isFalse();
        assertThat(StaffGrants.leavesNoOwner(owner, active, owner, active, 1)).isFalse();
        assertThat(StaffGrants.leavesNoOwner(owner, StaffStatus.INVITED, StaffRole.READ_ONLY, StaffStatus.INVITED, 0))
                .isFalse();
    }

    @Test
    void onlyOwnersHoldManageStaff() {
        for (var role : StaffRole.values()) {
            assertThat(role.scopes().contains(Scope.MANAGE_STAFF))
                    .as(role.wire())
                    .isEqualTo(role == StaffRole.OWNER);
        }
        assertThat(Scope.TEST_MODE).doesNotContain(Scope.MANAGE_STAFF);
    }
}
