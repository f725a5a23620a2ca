package org.carebook.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People who sign in (one row per address), their one-time links and their sessions. */
@Repository
class StaffRepository {

    private static final String COLUMNS =
            "id, email, password_hash, failed_attempts, locked_until, oidc_issuer, " + "oidc_subject, created_at";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person who signs in: by address and password, or through the single sign-on provider. */
    record User(String id, String email, String passwordHash, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The person with this address, made (without a password) if there is none yet. */
    User userFor(String email, String newId, Instant now) {
        jdbc.sql("""
                        INSERT INTO staff_users (id, email, created_at, updated_at) VALUES (:id, :email, :now, :now)
                        ON CONFLICT (email) DO NOTHING""")
                .param("id", newId)
                .param("email", email)
                .param("now", Sql.at(now))
                .update();
        return byEmail(email).orElseThrow();
    }

    Optional<User> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_users WHERE email = :email")
                .param("email", email)
                .query(StaffRepository::user)
                .optional();
    }

    Optional<User> byId(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_users WHERE id = :id")
                .param("id", id)
                .query(StaffRepository::user)
                .optional();
    }

    Optional<User> byIdentity(String issuer, String subject) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM staff_users WHERE oidc_issuer = :issuer AND oidc_subject = :subject")
                .param("issuer", issuer)
                .param("subject", subject)
                .query(StaffRepository::user)
                .optional();
    }

    /** Ties the provider's identity to the person, once; false if they are tied to another identity already. */
    boolean linkIdentity(String id, String issuer, String subject, Instant now) {
        return jdbc.sql("""
                        UPDATE staff_users SET oidc_issuer = :issuer, oidc_subject = :subject, updated_at = :now
                        WHERE id = :id AND oidc_issuer IS NULL""")
                        .param("id", id)
                        .param("issuer", issuer)
                        .param("subject", subject)
                        .param("now", Sql.at(now))
                        .update()
                == 1;
    }

    void setPassword(String id, String hash, Instant now) {
        jdbc.sql("""
                        UPDATE staff_users SET password_hash = :hash, failed_attempts = 0, locked_until = NULL,
                            updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("hash", hash)
                .param("now", Sql.at(now))
                .update();
    }

    /** One more failed attempt; from the fifth on, the account waits 1, 2, 4 … up to 60 minutes before the next. */
    void recordFailure(String id, Instant now) {
        jdbc.sql("""
                        UPDATE staff_users SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= 5
                                THEN :now + least(60, power(2, failed_attempts + 1 - 5)) * interval '1 minute'
                                ELSE locked_until END
                        WHERE id = :id""").param("id", id).param("now", Sql.at(now)).update();
    }

    void recordSuccess(String id) {
        jdbc.sql(
                        "UPDATE staff_users SET failed_attempts = 0, locked_until = NULL WHERE id = :id AND failed_attempts > 0")
                .param("id", id)
                .update();
    }

    void insertToken(
            String tokenHash, String userId, String membershipId, String purpose, Instant expiresAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO staff_tokens (token_hash, staff_user_id, membership_id, purpose, expires_at,
                                                  created_at)
                        VALUES (:hash, :user, :membership, :purpose, :expires, :now)""")
                .param("hash", tokenHash)
                .param("user", userId)
                .param("membership", membershipId)
                .param("purpose", purpose)
                .param("expires", Sql.at(expiresAt))
                .param("now", Sql.at(now))
                .update();
    }

    /** What an unused, unexpired token of that purpose is for; locks the token to use it. */
    record Token(String userId, String membershipId) {}

    Optional<Token> token(String tokenHash, String purpose, Instant now, boolean toUse) {
        return jdbc.sql("""
                        SELECT staff_user_id, membership_id FROM staff_tokens
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""" + (toUse ? " FOR UPDATE" : ""))
                .param("hash", tokenHash)
                .param("purpose", purpose)
                .param("now", Sql.at(now))
                .query((rs, n) -> new Token(rs.getString("staff_user_id"), rs.getString("membership_id")))
                .optional();
    }

    /** Ends every unused link of that purpose a person has, so that only the newest one works. */
    void useTokens(String userId, String purpose, Instant now) {
        jdbc.sql("""
                        UPDATE staff_tokens SET used_at = :now
                        WHERE staff_user_id = :user AND purpose = :purpose AND used_at IS NULL""")
                .param("user", userId)
                .param("purpose", purpose)
                .param("now", Sql.at(now))
                .update();
    }

    void useToken(String tokenHash, Instant now) {
        jdbc.sql("UPDATE staff_tokens SET used_at = :now WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .param("now", Sql.at(now))
                .update();
    }

    /** Ends every console session of a person, on every process (Spring Session indexes them by principal name). */
    void endSessions(String userId) {
        jdbc.sql("DELETE FROM staff_sessions WHERE principal_name = :user")
                .param("user", userId)
                .update();
    }

    private static User user(ResultSet rs, int n) throws SQLException {
        return new User(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("password_hash"),
                Sql.instant(rs, "locked_until"));
    }
}
