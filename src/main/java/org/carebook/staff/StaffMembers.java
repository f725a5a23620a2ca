package org.carebook.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.catalog.Clinicians;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: invitations, passwords and what signing in needs to know. */
@Service
public class StaffMembers {

    static final Duration INVITATION_VALID = Duration.ofDays(3);
    static final Duration RESET_VALID = Duration.ofHours(1);
    /** Resets one address may ask for within an hour; more are quietly not sent. */
    static final int RESETS_PER_HOUR = 3;

    private static final String INVITATION = "invitation";
    private static final String PASSWORD_RESET = "password_reset";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffRepository repository;
    private final Clinicians clinicians;
    private final Passwords passwords;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    StaffMembers(
            StaffRepository repository,
            Clinicians clinicians,
            Passwords passwords,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.repository = repository;
        this.clinicians = clinicians;
        this.passwords = passwords;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A new member of staff without a password, and the one-time path where they choose one. */
    @Transactional
    public Invitation invite(Caller caller, InviteStaff command, Problems problems) {
        if (command.role() == StaffRole.CLINICIAN) {
            problems.require("clinician_id", command.clinicianId());
            if (command.clinicianId() != null && !clinicians.exists(caller.tenant(), command.clinicianId())) {
                problems.add("clinician_id", "does not name an existing clinician");
            }
        } else if (command.clinicianId() != null) {
            problems.add("clinician_id", "is only for the clinician role");
        }
        problems.throwIfAny();
        var row = newRow(caller.tenant().organizationId(), command, null);
        if (!repository.insert(row)) {
            throw CarebookException.validation(
                    "email_taken",
                    "That address already belongs to a member of staff.",
                    List.of(new org.carebook.kernel.FieldIssue("email", "already belongs to a member of staff")));
        }
        String path = "/console/welcome/" + token(row.id(), INVITATION, INVITATION_VALID);
        publisher.publishEvent(
                new StaffMail.Link(row.id(), row.email(), row.name(), StaffMail.Purpose.INVITATION, path));
        return new Invitation(row.view(), path);
    }

    /** A member of staff with a password already, as set-up code (the demo clinic) makes one. */
    @Transactional
    public StaffMember create(String organizationId, InviteStaff command, String password) {
        var row = newRow(organizationId, command, passwords.hash(password));
        if (!repository.insert(row)) {
            throw CarebookException.conflict("email_taken", "That address already belongs to a member of staff.");
        }
        return row.view();
    }

    @Transactional(readOnly = true)
    public List<StaffMember> list(Caller caller) {
        return repository.ofOrganization(caller.tenant().organizationId()).stream()
                .map(StaffRepository.Row::view)
                .toList();
    }

    /** The member of staff a console caller is; empty for a caller with an API key. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> signedIn(Caller caller) {
        if (caller.kind() != KeyKind.STAFF) {
            return Optional.empty();
        }
        return repository
                .byId(caller.keyId())
                .filter(row -> row.organizationId().equals(caller.tenant().organizationId()))
                .map(StaffRepository.Row::view);
    }

    /** Every member of staff's name by id, to say who did something in an organization's logs. */
    @Transactional(readOnly = true)
    public Map<String, String> names(Caller caller) {
        var names = new HashMap<String, String>();
        repository.ofOrganization(caller.tenant().organizationId()).forEach(row -> names.put(row.id(), row.name()));
        return names;
    }

    /** Whom an invitation link is for, while it can still be used. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> invited(String token) {
        return repository
                .tokenOwner(hash(token), INVITATION, clock.instant(), false)
                .flatMap(repository::byId)
                .map(StaffRepository.Row::view);
    }

    /** Sets the password an invitation asked for; the link then no longer works. */
    @Transactional
    public StaffMember accept(String token, String password, Problems problems) {
        String staffId = setPasswordByLink(token, INVITATION, password, problems);
        return repository.byId(staffId).orElseThrow().view();
    }

    /**
     * E-mails a one-hour reset link if the address has an account. The caller is told the same either way,
     * so the form cannot be used to learn who has an account; a few requests an hour per account at most.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        Instant now = clock.instant();
        repository
                .byEmail(normalise(email))
                .filter(row -> repository.tokensSince(row.id(), PASSWORD_RESET, now.minus(Duration.ofHours(1)))
                        < RESETS_PER_HOUR)
                .ifPresent(row -> publisher.publishEvent(new StaffMail.Link(
                        row.id(),
                        row.email(),
                        row.name(),
                        StaffMail.Purpose.PASSWORD_RESET,
                        "/console/reset/" + token(row.id(), PASSWORD_RESET, RESET_VALID))));
    }

    /** Whether a reset link can still be used. */
    @Transactional(readOnly = true)
    public boolean resettable(String token) {
        return repository
                .tokenOwner(hash(token), PASSWORD_RESET, clock.instant(), false)
                .isPresent();
    }

    /**
     * Sets a new password from a reset link, which then no longer works; lifts any back-off, and ends every
     * session the account had (whoever had the old password is signed out).
     */
    @Transactional
    public void resetPassword(String token, String password, Problems problems) {
        repository.endSessions(setPasswordByLink(token, PASSWORD_RESET, password, problems));
    }

    /** Uses a one-time link to set a password (lifting any back-off); the staff id it was for. */
    private String setPasswordByLink(String token, String purpose, String password, Problems problems) {
        Instant now = clock.instant();
        String tokenHash = hash(token);
        var staffId = repository
                .tokenOwner(tokenHash, purpose, now, true)
                .orElseThrow(() -> CarebookException.notFound("This link was used already, or it expired."));
        String problem = Passwords.problem(password);
        if (problem != null) {
            problems.add("password", problem);
        }
        problems.throwIfAny();
        repository.setPassword(staffId, passwords.hash(password), now);
        repository.useToken(tokenHash, now);
        return staffId;
    }

    /** What signing in with this address checks, if it belongs to anyone. */
    @Transactional(readOnly = true)
    public Optional<Credentials> credentials(String email) {
        return repository.byEmail(normalise(email)).map(StaffRepository.Row::credentials);
    }

    @Transactional
    public void recordFailedSignIn(String email) {
        repository.byEmail(normalise(email)).ifPresent(row -> repository.recordFailure(row.id(), clock.instant()));
    }

    @Transactional
    public void recordSignIn(String staffId) {
        repository.recordSuccess(staffId);
    }

    private StaffRepository.Row newRow(String organizationId, InviteStaff command, String passwordHash) {
        return new StaffRepository.Row(
                Ids.next("staff"),
                organizationId,
                normalise(command.email()),
                command.name(),
                command.role(),
                command.clinicianId(),
                passwordHash,
                0,
                null,
                clock.instant());
    }

    private String token(String staffId, String purpose, Duration valid) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        repository.insertToken(hash(token), staffId, purpose, now.plus(valid), now);
        return token;
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
