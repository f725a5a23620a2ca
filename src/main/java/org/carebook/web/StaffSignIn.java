package org.carebook.web;

import java.util.List;
import org.carebook.staff.Passwords;
import org.carebook.staff.SignIn;
import org.carebook.staff.StaffAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a console sign-in. The address's limit of failed attempts and the account's back-off are taken before
 * any hash is computed, so a flood of wrong passwords costs little; hashing itself is rationed
 * ({@link Passwords}). A failure counts towards both limits.
 */
class StaffSignIn implements AuthenticationProvider {

    /** Too many password checks at once: the failure handler answers 503 with Retry-After. */
    static final class Busy extends AuthenticationServiceException {
        Busy() {
            super("busy");
        }
    }

    private final StaffAccounts accounts;
    private final AuthFailures failures;

    StaffSignIn(StaffAccounts accounts, AuthFailures failures) {
        this.accounts = accounts;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        if (failures.blocked(address)) {
            throw new LockedException("too many failed attempts from this address");
        }
        SignIn outcome;
        try {
            outcome = accounts.signIn(attempt.getName(), String.valueOf(attempt.getCredentials()));
        } catch (Passwords.Busy e) {
            throw new Busy();
        }
        if (outcome instanceof SignIn.SignedIn signedIn) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    new StaffPrincipal(signedIn.userId()), null, List.of());
        }
        if (outcome instanceof SignIn.Locked) {
            throw new LockedException("locked");
        }
        failures.record(address);
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
