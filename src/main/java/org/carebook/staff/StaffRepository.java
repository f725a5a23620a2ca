package org.carebook.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

    private static final String COLUMNS = "id, organization_id, email, name, role, clinician_id, password_hash, "
            + "failed_attempts, locked_until, created_at";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            String id,
            String organizationId,
            String email,
            String name,
            StaffRole role,
            String clinicianId,
            String passwordHash,
            int failedAttempts,
            Instant lockedUntil,
            Instant createdAt) {

        StaffMember view() {
            return new StaffMember(
                    id, email, name, role.wire(), clinicianId, passwordHash == null ? "invited" : "active", createdAt);
        }

        Credentials credentials() {
            return new Credentials(id, organizationId, role, clinicianId, name, passwordHash, lockedUntil);
        }
    }

    /** False when the address already belongs to someone. */
    boolean insert(Row row) {
        return jdbc.sql("""
                        INSERT INTO staff_users (id, organization_id, email, name, role, clinician_id, password_hash,
                                                 created_at, updated_at)
                        VALUES (:id, :org, :email, :name, :role, :clinician, :hash, :now, :now)
                        ON CONFLICT (email) DO NOTHING""")
                        .param("id", row.id())
                        .param("org", row.organizationId())
                        .param("email", row.email())
                        .param("name", row.name())
                        .param("role", row.role().wire())
                        .param("clinician", row.clinicianId())
                        .param("hash", row.passwordHash())
                        .param("now", Sql.at(row.createdAt()))
                        .update()
                == 1;
    }

    Optional<Row> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_users WHERE email = :email")
                .param("email", email)
                .query(StaffRepository::row)
                .optional();
    }

    Optional<Row> byId(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_users WHERE id = :id")
                .param("id", id)
                .query(StaffRepository::row)
                .optional();
    }

    List<Row> ofOrganization(String organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_users WHERE organization_id = :org ORDER BY created_at, id")
                .param("org", organizationId)
                .query(StaffRepository::row)
                .list();
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

    void insertToken(String tokenHash, String staffId, String purpose, Instant expiresAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO staff_tokens (token_hash, staff_user_id, purpose, expires_at, created_at)
                        VALUES (:hash, :staff, :purpose, :expires, :now)""")
                .param("hash", tokenHash)
                .param("staff", staffId)
                .param("purpose", purpose)
                .param("expires", Sql.at(expiresAt))
                .param("now", Sql.at(now))
                .update();
    }

    /** The staff member an unused, unexpired token of that purpose is for; locks the token to use it. */
    Optional<String> tokenOwner(String tokenHash, String purpose, Instant now, boolean toUse) {
        return jdbc.sql("""
                        SELECT staff_user_id FROM staff_tokens
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""" + (toUse ? " FOR UPDATE" : ""))
                .param("hash", tokenHash)
                .param("purpose", purpose)
                .param("now", Sql.at(now))
                .query(String.class)
                .optional();
    }

    int tokensSince(String staffId, String purpose, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM staff_tokens
                        WHERE staff_user_id = :staff AND purpose = :purpose AND created_at > :since""")
                .param("staff", staffId)
                .param("purpose", purpose)
                .param("since", Sql.at(since))
                .query(Integer.class)
                .single();
    }

    /** Ends every console session of a member of staff (Spring Session indexes them by principal name). */
    void endSessions(String staffId) {
        jdbc.sql("DELETE FROM staff_sessions WHERE principal_name = :staff")
                .param("staff", staffId)
                .update();
    }

    void useToken(String tokenHash, Instant now) {
        jdbc.sql("UPDATE staff_tokens SET used_at = :now WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .param("now", Sql.at(now))
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("organization_id"),
                rs.getString("email"),
                rs.getString("name"),
                StaffRole.fromWire(rs.getString("role")).orElseThrow(),
                rs.getString("clinician_id"),
                rs.getString("password_hash"),
                rs.getInt("failed_attempts"),
                Sql.instant(rs, "locked_until"),
                Sql.instant(rs, "created_at"));
    }
}
