package org.carebook.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** One-time links for staff: only the SHA-256 of a token is kept; a token works once, until it expires. */
@Component
class StaffTokens {

    enum Purpose {
        INVITATION("invitation", Duration.ofDays(3)),
        PASSWORD_RESET("password_reset", Duration.ofHours(1));

        private final String stored;
        private final Duration valid;

        Purpose(String stored, Duration valid) {
            this.stored = stored;
            this.valid = valid;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffRepository repository;
    private final Clock clock;

    StaffTokens(StaffRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new token; a new reset link ends the person's older ones, so one works at a time. */
    String issue(String userId, String membershipId, Purpose purpose) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        if (purpose == Purpose.PASSWORD_RESET) {
            repository.useTokens(userId, purpose.stored, now);
        }
        repository.insertToken(hash(token), userId, membershipId, purpose.stored, now.plus(purpose.valid), now);
        return token;
    }

    /** What a token that still works is for; with {@code toUse}, locked until the transaction uses it. */
    Optional<StaffRepository.Token> find(String token, Purpose purpose, boolean toUse) {
        return repository.token(hash(token), purpose.stored, clock.instant(), toUse);
    }

    void use(String token) {
        repository.useToken(hash(token), clock.instant());
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
