package org.carebook.staff;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff passwords as Argon2id hashes (OWASP's first choice), with Spring Security's current defaults. A
 * password is 12 to 128 characters; length beats rules about symbols.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** A hash no password matches, checked against when there is no account, so both take as long. */
    private final String unknown = encoder.encode(java.util.UUID.randomUUID().toString());

    String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether the password matches; for a missing hash it still spends the time a check takes. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, unknown);
            return false;
        }
        return encoder.matches(password, hash);
    }

    static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        return password.length() > MAX_LENGTH ? "must be at most " + MAX_LENGTH + " characters" : null;
    }
}
