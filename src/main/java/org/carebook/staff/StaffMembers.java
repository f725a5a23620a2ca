package org.carebook.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carebook.catalog.Clinicians;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Ids;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's staff: invitations, role changes, disabling and removal. Nobody grants more than they hold
 * ({@link StaffGrants}); one active owner always stays; each change is audited and told to the owners; a
 * disabled or removed person's sessions end at once.
 */
@Service
public class StaffMembers {

    static final String RESOURCE = "staff";

    private final MembershipRepository memberships;
    private final StaffRepository users;
    private final StaffTokens tokens;
    private final Clinicians clinicians;
    private final StaffNotices notices;
    private final Clock clock;

    StaffMembers(
            MembershipRepository memberships,
            StaffRepository users,
            StaffTokens tokens,
            Clinicians clinicians,
            StaffNotices notices,
            Clock clock) {
        this.memberships = memberships;
        this.users = users;
        this.tokens = tokens;
        this.clinicians = clinicians;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * A new member of staff and the one-time path where they accept. The answer is the same whether or not
     * the address already signs in for another organization: that is theirs to know, not this one's.
     */
    @Transactional
    public Invitation invite(Caller caller, InviteStaff command, Problems problems) {
        checkClinician(caller, command.role(), command.clinicianId(), problems);
        problems.throwIfAny();
        StaffGrants.refusalToGrant(caller.scopes(), command.role()).ifPresent(refusal -> {
            throw refusal;
        });
        Instant now = clock.instant();
        var user = users.userFor(normalise(command.email()), Ids.next("user"), now);
        String id = memberships
                .insert(
                        Ids.next("staff"),
                        caller.tenant().organizationId(),
                        user.id(),
                        command,
                        StaffStatus.INVITED,
                        now)
                .orElseThrow(() -> CarebookException.validation(
                        "email_taken",
                        "That address is already on this organization's staff.",
                        List.of(new FieldIssue("email", "is already on this organization's staff"))));
        var member = memberships.byId(id).orElseThrow();
        String path = "/console/welcome/" + tokens.issue(user.id(), id, StaffTokens.Purpose.INVITATION);
        notices.invited(caller, member, path);
        return new Invitation(member.view(), path);
    }

    @Transactional(readOnly = true)
    public List<StaffMember> list(Caller caller) {
        return memberships.ofOrganization(caller.tenant().organizationId()).stream()
                .map(MembershipRepository.Membership::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public StaffMember get(Caller caller, String id) {
        return find(caller, id, false).view();
    }

    /** Renames, changes the role of, disables or enables a member of staff. */
    @Transactional
    public StaffMember change(Caller caller, String id, ChangeStaff change, Problems problems) {
        var member = find(caller, id, true);
        manageable(caller, member);
        StaffRole role = change.role() != null ? change.role() : member.role();
        String clinician = role != StaffRole.CLINICIAN
                ? change.clinicianId()
                : change.clinicianId() != null ? change.clinicianId() : member.clinicianId();
        checkClinician(caller, role, clinician, problems);
        StaffStatus status = newStatus(member.status(), change.status(), problems);
        problems.throwIfAny();
        if (role != member.role()) {
            StaffGrants.refusalToGrant(caller.scopes(), role).ifPresent(refusal -> {
                throw refusal;
            });
        }
        keepAnOwner(member, role, status);
        String name = change.name() != null ? change.name() : member.name();
        memberships.update(member.id(), name, role, clinician, status, clock.instant());
        if (status == StaffStatus.DISABLED && member.status() != StaffStatus.DISABLED) {
            users.endSessions(member.userId());
        }
        var changed = memberships.byId(id).orElseThrow();
        notices.changed(caller, member, changed);
        return changed.view();
    }

    /** Takes someone off the staff; their sessions end at once. The last active owner cannot be removed. */
    @Transactional
    public StaffMember remove(Caller caller, String id) {
        var member = find(caller, id, true);
        manageable(caller, member);
        keepAnOwner(member, member.role(), StaffStatus.REMOVED);
        memberships.update(
                member.id(), member.name(), member.role(), member.clinicianId(), StaffStatus.REMOVED, clock.instant());
        users.endSessions(member.userId());
        var removed = memberships.byId(id).orElseThrow();
        notices.removed(caller, removed);
        return removed.view();
    }

    /** The member of staff a console caller is; empty for a caller with an API key. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> signedIn(Caller caller) {
        if (caller.kind() != KeyKind.STAFF) {
            return Optional.empty();
        }
        return memberships
                .byId(caller.keyId())
                .filter(member -> member.organizationId().equals(caller.tenant().organizationId()))
                .filter(member -> member.status() == StaffStatus.ACTIVE)
                .map(MembershipRepository.Membership::view);
    }

    /** Every member of staff's name by id, those removed too, to say who did something in an organization's logs. */
    @Transactional(readOnly = true)
    public Map<String, String> names(Caller caller) {
        var names = new HashMap<String, String>();
        memberships.everyone(caller.tenant().organizationId()).forEach(member -> names.put(member.id(), member.name()));
        return names;
    }

    private MembershipRepository.Membership find(Caller caller, String id, boolean forUpdate) {
        return memberships
                .find(caller.tenant().organizationId(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such member of staff."));
    }

    /** Only someone who holds every scope of a member's role may change or remove them. */
    private static void manageable(Caller caller, MembershipRepository.Membership member) {
        StaffGrants.refusalToManage(caller.scopes(), member.role()).ifPresent(refusal -> {
            throw refusal;
        });
    }

    private void keepAnOwner(MembershipRepository.Membership member, StaffRole role, StaffStatus status) {
        if (member.role() != StaffRole.OWNER || member.status() != StaffStatus.ACTIVE) {
            return;
        }
        int owners = memberships.lockActiveOwners(member.organizationId());
        if (StaffGrants.leavesNoOwner(member.role(), member.status(), role, status, owners)) {
            throw CarebookException.conflict(
                    "last_owner", "An organization keeps at least one active owner; make someone else owner first.");
        }
    }

    private static StaffStatus newStatus(StaffStatus current, StaffStatus asked, Problems problems) {
        if (asked == null || asked == current) {
            return current;
        }
        if (asked != StaffStatus.ACTIVE && asked != StaffStatus.DISABLED) {
            problems.add("status", "must be active or disabled");
            return current;
        }
        if (asked == StaffStatus.ACTIVE && current == StaffStatus.INVITED) {
            problems.add("status", "an invited member of staff becomes active by accepting the invitation");
            return current;
        }
        return asked;
    }

    private void checkClinician(Caller caller, StaffRole role, String clinicianId, Problems problems) {
        if (role == StaffRole.CLINICIAN) {
            problems.require("clinicianId", clinicianId);
            if (clinicianId != null && !clinicians.exists(caller.tenant(), clinicianId)) {
                problems.add("clinicianId", "does not name an existing clinician");
            }
        } else if (clinicianId != null) {
            problems.add("clinicianId", "is only for the clinician role");
        }
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
