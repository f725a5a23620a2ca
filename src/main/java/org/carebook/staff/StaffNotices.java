package org.carebook.staff;

import java.time.Clock;
import java.util.List;
import org.carebook.audit.AuditLog;
import org.carebook.kernel.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows a change to the staff, in the same transaction: an audit entry under the caller, a notice to
 * every active owner through the staff outbox (so a key that is abused cannot add staff unseen), and for an
 * invitation its mail to the person invited.
 */
@Component
class StaffNotices {

    private final AuditLog audit;
    private final MembershipRepository memberships;
    private final StaffMailRepository outbox;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    StaffNotices(
            AuditLog audit,
            MembershipRepository memberships,
            StaffMailRepository outbox,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.audit = audit;
        this.memberships = memberships;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    void invited(Caller caller, MembershipRepository.Membership member, String path) {
        audit.record(caller, AuditLog.Action.CREATE, StaffMembers.RESOURCE, List.of(member.id()));
        publisher.publishEvent(
                new StaffMail.Invitation(member.id(), member.email(), member.name(), member.organizationName(), path));
        tellOwners(
                caller,
                member,
                "invited " + member.name() + " <" + member.email() + "> as "
                        + member.role().wire());
    }

    void changed(Caller caller, MembershipRepository.Membership before, MembershipRepository.Membership after) {
        audit.record(caller, AuditLog.Action.UPDATE, StaffMembers.RESOURCE, List.of(after.id()));
        var what = new StringBuilder("changed " + after.name() + " <" + after.email() + ">:");
        if (before.role() != after.role()) {
            what.append(" role ")
                    .append(before.role().wire())
                    .append(" -> ")
                    .append(after.role().wire());
        }
        if (before.status() != after.status()) {
            what.append(" status ")
                    .append(before.status().wire())
                    .append(" -> ")
                    .append(after.status().wire());
        }
        if (!before.name().equals(after.name())) {
            what.append(" name changed");
        }
        tellOwners(caller, after, what.toString());
    }

    void removed(Caller caller, MembershipRepository.Membership member) {
        audit.record(caller, AuditLog.Action.DELETE, StaffMembers.RESOURCE, List.of(member.id()));
        tellOwners(caller, member, "removed " + member.name() + " <" + member.email() + "> from the staff");
    }

    private void tellOwners(Caller caller, MembershipRepository.Membership member, String what) {
        String subject = "Staff change at " + member.organizationName();
        String body = "Hello,\n\nIn " + member.organizationName() + "'s Carebook, " + who(caller) + " " + what
                + ".\n\nIf you did not expect this, check the staff list in the console and the API keys at once.\n";
        outbox.queueForOwners(member.organizationId(), subject, body, clock.instant());
    }

    /** Who did it, by the kind and id that the audit log also records. */
    private String who(Caller caller) {
        return switch (caller.kind()) {
            case STAFF -> memberships.byId(caller.keyId()).map(m -> m.name()).orElse("a member of staff");
            default -> "the API key " + caller.keyId();
        };
    }
}
