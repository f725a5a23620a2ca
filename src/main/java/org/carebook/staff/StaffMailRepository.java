package org.carebook.staff;

import java.time.Instant;
import java.util.List;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff e-mail waiting to be sent outside the request that asked for it. */
@Repository
class StaffMailRepository {

    static final String PASSWORD_RESET = "password_reset";

    private final JdbcClient jdbc;

    StaffMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed message: to whom, and for a notice its words (a reset's link is made when it is sent). */
    record Outgoing(String id, String userId, String email, String kind, String subject, String body, int attempts) {}

    /** A password reset to send to a person; its link is made when it is sent. */
    void queueReset(String userId, Instant now) {
        jdbc.sql("""
                        INSERT INTO staff_mail (id, staff_user_id, kind, created_at)
                        VALUES (:id, :user, 'password_reset', :now)""")
                .param("id", Ids.next("smail"))
                .param("user", userId)
                .param("now", Sql.at(now))
                .update();
    }

    /** The same notice to each active owner of an organization, in one statement. */
    void queueForOwners(String organizationId, String subject, String body, Instant now) {
        jdbc.sql("""
                        INSERT INTO staff_mail (id, staff_user_id, kind, subject, body, created_at)
                        SELECT 'smail_' || replace(gen_random_uuid()::text, '-', ''), staff_user_id, 'staff_notice', :subject, :body, :now
                        FROM staff_memberships
                        WHERE organization_id = :org AND role = 'owner' AND status = 'active'""")
                .param("org", organizationId)
                .param("subject", subject)
                .param("body", body)
                .param("now", Sql.at(now))
                .update();
    }

    /** Resets asked for a person since then, sent or not, to send only a few an hour. */
    int resetsSince(String userId, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM staff_mail
                        WHERE staff_user_id = :user AND kind = 'password_reset' AND created_at > :since""")
                .param("user", userId)
                .param("since", Sql.at(since))
                .query(Integer.class)
                .single();
    }

    List<Outgoing> claim(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                        UPDATE staff_mail m SET leased_until = :leaseUntil, attempts = m.attempts + 1
                        FROM staff_users u
                        WHERE u.id = m.staff_user_id AND m.id IN (
                              SELECT c.id FROM staff_mail c
                              WHERE c.sent_at IS NULL AND c.attempts < 10
                                AND (c.leased_until IS NULL OR c.leased_until <= :now)
                              ORDER BY c.created_at LIMIT :batch
                              FOR UPDATE SKIP LOCKED)
                        RETURNING m.id, m.staff_user_id, u.email, m.kind, m.subject, m.body, m.attempts""")
                .param("now", Sql.at(now))
                .param("leaseUntil", Sql.at(leaseUntil))
                .param("batch", batch)
                .query((rs, n) -> new Outgoing(
                        rs.getString("id"),
                        rs.getString("staff_user_id"),
                        rs.getString("email"),
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(String id, Instant now) {
        jdbc.sql("UPDATE staff_mail SET sent_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", Sql.at(now))
                .update();
    }

    /** Tries again after a minute per attempt so far. */
    void retryLater(String id, Instant at) {
        jdbc.sql("UPDATE staff_mail SET leased_until = :at WHERE id = :id")
                .param("id", id)
                .param("at", Sql.at(at))
                .update();
    }
}
