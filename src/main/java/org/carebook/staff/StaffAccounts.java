package org.carebook.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in: passwords (with back-off after failed attempts), one-time links, single sign-on
 * identities, and which organizations' staff they act for.
 */
@Service
public class StaffAccounts {

    /** Resets one address may ask for within an hour; more are quietly not sent. */
    static final int RESETS_PER_HOUR = 3;

    private final StaffRepository users;
    private final MembershipRepository memberships;
    private final StaffTokens tokens;
    private final StaffMailRepository outbox;
    private final Passwords passwords;
    private final Clock clock;

    StaffAccounts(
            StaffRepository users,
            MembershipRepository memberships,
            StaffTokens tokens,
            StaffMailRepository outbox,
            Passwords passwords,
            Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.tokens = tokens;
        this.outbox = outbox;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Checks an address and password. A locked account is refused before any hashing; otherwise the hash is
     * checked (against a dummy one for an unknown address, which takes as long). May throw
     * {@link Passwords.Busy} when too many checks run at once. No transaction: no database connection is held
     * while the hash is checked.
     */
    public SignIn signIn(String email, String password) {
        var user = users.byEmail(StaffMembers.normalise(email));
        if (user.isPresent() && user.get().lockedAt(clock.instant())) {
            return new SignIn.Locked();
        }
        if (!passwords.matches(
                password, user.map(StaffRepository.User::passwordHash).orElse(null))) {
            user.ifPresent(u -> users.recordFailure(u.id(), clock.instant()));
            return new SignIn.Refused();
        }
        users.recordSuccess(user.get().id());
        return new SignIn.SignedIn(user.get().id());
    }

    /**
     * The person a single sign-on stands for. After the first time they are found by the provider's issuer
     * and subject alone, so a renamed address stays theirs and someone else's address gets nobody. The first
     * time links them only when the provider says the address is verified ({@code email_verified: true}); that
     * also accepts their invitations, since the provider vouched for the address they were sent to.
     */
    @Transactional
    public Optional<String> singleSignOn(String issuer, String subject, String email, Boolean emailVerified) {
        var known = users.byIdentity(issuer, subject);
        if (known.isPresent()) {
            return Optional.of(known.get().id());
        }
        if (!Boolean.TRUE.equals(emailVerified) || email == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return users.byEmail(StaffMembers.normalise(email))
                .filter(user -> users.linkIdentity(user.id(), issuer, subject, now))
                .map(user -> {
                    memberships.activateInvited(user.id(), null, now);
                    return user.id();
                });
    }

    /** The organizations a person may act for now (active memberships), by name. */
    @Transactional(readOnly = true)
    public List<SignedInStaff> memberships(String userId) {
        return memberships.ofUser(userId).stream()
                .filter(member -> member.status() == StaffStatus.ACTIVE)
                .map(MembershipRepository.Membership::signedIn)
                .toList();
    }

    /** Every organization the person behind a console caller may act for, theirs first: to switch between them. */
    @Transactional(readOnly = true)
    public List<SignedInStaff> membershipsOf(Caller caller) {
        return memberships
                .byId(caller.keyId())
                .map(current -> memberships(current.userId()))
                .orElse(List.of());
    }

    /**
     * The console language of the person a console caller is: one of {@link SignedInStaff#LANGUAGES}, or null for
     * their browser's. Anything else is refused.
     */
    @Transactional
    public void chooseLanguage(Caller caller, String language) {
        if (caller.kind() != org.carebook.kernel.KeyKind.STAFF) {
            throw CarebookException.forbidden(
                    "staff_only", "Only a member of staff chooses a console language.", List.of());
        }
        if (language != null && !SignedInStaff.LANGUAGES.contains(language)) {
            var problems = new Problems();
            problems.add("language", "must be one of " + String.join(", ", SignedInStaff.LANGUAGES));
            problems.throwIfAny();
        }
        memberships.chooseLanguage(caller.keyId(), language);
    }

    /** Who a session acts as, while that membership is the person's and active; read on every console request. */
    @Transactional(readOnly = true)
    public Optional<SignedInStaff> acting(String userId, String staffId) {
        return memberships
                .byId(staffId)
                .filter(member -> member.userId().equals(userId))
                .filter(member -> member.status() == StaffStatus.ACTIVE)
                .map(MembershipRepository.Membership::signedIn);
    }

    /** A member of staff with a password already, as set-up code (the demo clinic) makes one. */
    @Transactional
    public StaffMember create(String organizationId, InviteStaff command, String password) {
        Instant now = clock.instant();
        var user = users.userFor(StaffMembers.normalise(command.email()), Ids.next("user"), now);
        if (user.passwordHash() == null) {
            users.setPassword(user.id(), passwords.hash(password), now);
        }
        String id = memberships
                .insert(Ids.next("staff"), organizationId, user.id(), command, StaffStatus.ACTIVE, now)
                .orElseThrow(() -> CarebookException.conflict("email_taken", "That address is already on the staff."));
        return memberships.byId(id).orElseThrow().view();
    }

    /** Whom an invitation link is for, while it can still be used. */
    @Transactional(readOnly = true)
    public Optional<InvitationPage> invited(String token) {
        return tokens.find(token, StaffTokens.Purpose.INVITATION, false)
                .flatMap(found -> memberships.byId(found.membershipId()))
                .map(m -> new InvitationPage(m.name(), m.email(), m.organizationName()));
    }

    /**
     * Accepts an invitation. Someone new chooses their password here. Someone who already signs in for another
     * organization confirms with that password; a wrong one changes nothing and counts as a failed sign-in, but
     * is answered like a right one, so that the invitation's link (which the inviter also saw) cannot be used
     * to learn whether the address had an account, nor to set its password.
     */
    @Transactional
    public void accept(String token, String password, Problems problems) {
        var found = tokens.find(token, StaffTokens.Purpose.INVITATION, true)
                .orElseThrow(() -> CarebookException.notFound("This link was used already, or it expired."));
        var user = users.byId(found.userId()).orElseThrow();
        Instant now = clock.instant();
        if (user.passwordHash() == null) {
            checkPassword(password, problems);
            users.setPassword(user.id(), passwords.hash(password), now);
        } else if (user.lockedAt(now) || !passwords.matches(password, user.passwordHash())) {
            users.recordFailure(user.id(), now);
            return;
        }
        memberships.activateInvited(user.id(), found.membershipId(), now);
        tokens.use(token);
    }

    /**
     * Queues a one-hour reset link if the address has an account, at most a few an hour. The caller is told the
     * same, as fast, either way: the mail (and its token) are made later, outside this request.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        Instant now = clock.instant();
        users.byEmail(StaffMembers.normalise(email))
                .filter(user -> outbox.resetsSince(user.id(), now.minus(Duration.ofHours(1))) < RESETS_PER_HOUR)
                .ifPresent(user -> outbox.queueReset(user.id(), now));
    }

    /** Whether a reset link can still be used. */
    @Transactional(readOnly = true)
    public boolean resettable(String token) {
        return tokens.find(token, StaffTokens.Purpose.PASSWORD_RESET, false).isPresent();
    }

    /**
     * Sets a new password from a reset link, which then no longer works; lifts any back-off, and ends every
     * session the person had (whoever had the old password is signed out).
     */
    @Transactional
    public void resetPassword(String token, String password, Problems problems) {
        var found = tokens.find(token, StaffTokens.Purpose.PASSWORD_RESET, true)
                .orElseThrow(() -> CarebookException.notFound("This link was used already, or it expired."));
        checkPassword(password, problems);
        users.setPassword(found.userId(), passwords.hash(password), clock.instant());
        tokens.use(token);
        users.endSessions(found.userId());
    }

    private static void checkPassword(String password, Problems problems) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            problems.add("password", problem);
        }
        problems.throwIfAny();
    }
}
