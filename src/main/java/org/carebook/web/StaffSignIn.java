package org.carebook.web;

import java.time.Clock;
import java.util.List;
import org.carebook.staff.Passwords;
import org.carebook.staff.StaffMembers;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a console sign-in: the address must belong to someone who has set a password, the account must not
 * be waiting after failed attempts (then even the right password is refused), and the Argon2id hash must
 * match. A failure counts towards the account's back-off and the address's limit of failed attempts.
 */
class StaffSignIn implements AuthenticationProvider {

    private final StaffMembers staff;
    private final Passwords passwords;
    private final AuthFailures failures;
    private final Clock clock;

    StaffSignIn(StaffMembers staff, Passwords passwords, AuthFailures failures, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName();
        String password = String.valueOf(attempt.getCredentials());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        if (failures.blocked(address)) {
            throw new LockedException("too many failed attempts from this address");
        }
        var credentials = staff.credentials(email);
        // The hash is checked before the lock, so a locked account answers as slowly as any other.
        boolean matches = passwords.matches(
                password, credentials.map(c -> c.passwordHash()).orElse(null));
        if (credentials.isPresent() && credentials.get().lockedAt(clock.instant())) {
            throw new LockedException("locked");
        }
        if (!matches) {
            failures.record(address);
            staff.recordFailedSignIn(email);
            throw new BadCredentialsException("bad credentials");
        }
        var c = credentials.get();
        staff.recordSignIn(c.staffId());
        var principal = new StaffPrincipal(c.staffId(), c.organizationId(), c.role(), c.clinicianId(), c.name());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
