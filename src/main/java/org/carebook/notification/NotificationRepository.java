package org.carebook.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Ids;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message ready to send, as planned. */
    record Planned(String kind, String channel, String recipient, Message message, Instant sendAfter) {}

    /** A claimed message with what sending it needs. */
    record Outgoing(
            String id,
            String channel,
            String recipient,
            Message message,
            Instant sendAfter,
            Instant createdAt,
            int attempts) {}

    /** Records a planned message: queued to be sent, or suppressed for the reason given. */
    /** What a message is about: an appointment, or a waitlist entry (an offer of a time); the other is null. */
    record About(String appointmentId, String waitlistEntryId) {

        static About appointment(String id) {
            return new About(id, null);
        }

        static About waitlistEntry(String id) {
            return new About(null, id);
        }
    }

    void insert(Tenant tenant, About about, Planned planned, Suppression suppressed, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO notifications (id, organization_id, mode, appointment_id, waitlist_entry_id, kind,
                                                   channel, recipient, subject, text_body, html_body, calendar, status,
                                                   suppressed_reason, send_after, created_at)
                        VALUES (:id, :org, :mode, :appointment, :entry, :kind, :channel, :recipient, :subject, :text, :html,
                                :calendar, :status, :reason, :sendAfter, :now)"""), tenant)
                .param("id", Ids.next("ntf"))
                .param("appointment", about.appointmentId())
                .param("entry", about.waitlistEntryId())
                .param("kind", planned.kind())
                .param("channel", planned.channel())
                .param("recipient", planned.recipient())
                .param("subject", planned.message().subject())
                .param("text", planned.message().text())
                .param("html", planned.message().html())
                .param("calendar", planned.message().calendar())
                .param("status", suppressed != null ? "suppressed" : "queued")
                .param("reason", suppressed == null ? null : suppressed.wire())
                .param("sendAfter", Sql.at(planned.sendAfter()))
                .param("now", Sql.at(now))
                .update();
    }

    /** Held until the transaction ends: one planner at a time counts and adds a recipient's messages. */
    void lockRecipient(String channel, String recipient) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:channel || ':' || :recipient, 12))")
                .param("channel", channel)
                .param("recipient", recipient)
                .query(rs -> {});
    }

    /** The recipient's messages due less than a day before or after {@code at}, whichever organization sends them. */
    long countQueuedOrSentWithinADayOf(String channel, String recipient, Instant at) {
        return jdbc.sql("""
                        SELECT count(*) FROM notifications
                         WHERE channel = :channel AND recipient = :recipient AND status <> 'suppressed'
                           AND send_after > CAST(:at AS timestamptz) - interval '1 day'
                           AND send_after < CAST(:at AS timestamptz) + interval '1 day'""")
                .param("channel", channel)
                .param("recipient", recipient)
                .param("at", Sql.at(at))
                .query(Long.class)
                .single();
    }

    /** Reminders not yet sent for an appointment that moved or was cancelled. */
    int dropQueuedReminders(Tenant tenant, String appointmentId) {
        return Sql.scoped(jdbc.sql("""
                        DELETE FROM notifications
                         WHERE organization_id = :org AND mode = :mode AND appointment_id = :appointment
                           AND kind = 'reminder' AND status IN ('queued', 'suppressed') AND sent_at IS NULL"""), tenant)
                .param("appointment", appointmentId)
                .update();
    }

    List<Outgoing> claim(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                        UPDATE notifications n SET leased_until = :leaseUntil, attempts = n.attempts + 1
                         WHERE n.id IN (
                               SELECT c.id FROM notifications c
                                WHERE c.status = 'queued' AND c.send_after <= :now
                                  AND (c.leased_until IS NULL OR c.leased_until <= :now)
                                ORDER BY c.send_after LIMIT :batch
                                FOR UPDATE SKIP LOCKED)
                        RETURNING n.id, n.channel, n.recipient, n.subject, n.text_body, n.html_body, n.calendar,
                                  n.send_after, n.created_at, n.attempts""")
                .param("now", Sql.at(now))
                .param("leaseUntil", Sql.at(leaseUntil))
                .param("batch", batch)
                .query((rs, n) -> new Outgoing(
                        rs.getString("id"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        new Message(
                                rs.getString("subject"),
                                rs.getString("text_body"),
                                rs.getString("html_body"),
                                rs.getString("calendar")),
                        Sql.instant(rs, "send_after"),
                        Sql.instant(rs, "created_at"),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(String id, Instant now) {
        jdbc.sql(
                        "UPDATE notifications SET status = 'sent', sent_at = :now, last_error = NULL, leased_until = NULL WHERE id = :id")
                .param("id", id)
                .param("now", Sql.at(now))
                .update();
    }

    void retryAt(String id, String error, Instant next) {
        jdbc.sql("UPDATE notifications SET send_after = :next, last_error = :error, leased_until = NULL WHERE id = :id")
                .param("id", id)
                .param("error", error)
                .param("next", Sql.at(next))
                .update();
    }

    void failed(String id, String error) {
        jdbc.sql("UPDATE notifications SET status = 'failed', last_error = :error, leased_until = NULL WHERE id = :id")
                .param("id", id)
                .param("error", error)
                .update();
    }

    List<NotificationView> page(Tenant tenant, About about, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM notifications
                         WHERE organization_id = :org AND mode = :mode
                           AND (CAST(:appointment AS text) IS NULL OR appointment_id = :appointment)
                           AND (CAST(:entry AS text) IS NULL OR waitlist_entry_id = :entry)
                           AND (created_at, id) > (:after, :afterId)
                         ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("appointment", about.appointmentId())
                .param("entry", about.waitlistEntryId())
                .query(NotificationRepository::view)
                .list();
    }

    Optional<Instant> oldestQueued(Instant now) {
        return jdbc.sql("SELECT min(send_after) FROM notifications WHERE status = 'queued' AND send_after <= :now")
                .param("now", Sql.at(now))
                .query((rs, n) -> Sql.instant(rs, 1))
                .optional();
    }

    private static NotificationView view(ResultSet rs, int n) throws SQLException {
        return new NotificationView(
                rs.getString("id"),
                rs.getString("channel"),
                rs.getString("kind"),
                rs.getString("recipient"),
                rs.getString("subject"),
                NotificationStatus.fromWire(rs.getString("status")),
                rs.getString("suppressed_reason"),
                rs.getString("appointment_id"),
                rs.getString("waitlist_entry_id"),
                Sql.instant(rs, "send_after"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "sent_at"));
    }
}
