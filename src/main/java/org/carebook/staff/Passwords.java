package org.carebook.staff;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff passwords as Argon2id hashes (OWASP's first choice), with Spring Security's current defaults: 16 MiB and
 * some 50 ms of CPU each. So that a flood of sign-ins cannot be turned against the server's memory and CPU, at
 * most {@link #AT_ONCE} hashes run at once in a process; others wait up to {@link #WAIT_MILLIS} for a turn and
 * are then refused with {@link Busy}. A password is 12 to 128 characters; length beats rules about symbols.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final int AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final long WAIT_MILLIS = 2_000;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Semaphore turns = new Semaphore(AT_ONCE, true);
    /**
     * A hash no password matches, checked against when there is no account, so both take as long. Made on its
     * own thread: a hash costs a quarter of a second that start-up need not wait for.
     */
    private final CompletableFuture<String> unknown = CompletableFuture.supplyAsync(
            () -> encoder.encode(java.util.UUID.randomUUID().toString()));

    /** Too many password checks are running in this process; the caller should come back in a moment. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many password checks at once", null, false, false);
        }
    }

    String hash(String password) {
        return inTurn(() -> encoder.encode(password));
    }

    /** Whether the password matches; for a missing hash it still spends the time a check takes. */
    public boolean matches(String password, String hash) {
        return inTurn(() -> encoder.matches(password, hash == null ? unknown.join() : hash) && hash != null);
    }

    private <T> T inTurn(java.util.function.Supplier<T> work) {
        try {
            if (!turns.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        return password.length() > MAX_LENGTH ? "must be at most " + MAX_LENGTH + " characters" : null;
    }
}
