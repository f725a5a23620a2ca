package org.carebook.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Mode;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.carebook.kernel.WireName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarLinkRepository {

    private final JdbcClient jdbc;

    CalendarLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A link as stored: its view, its tenant, and what reading it needs (the sealed password, the last version, the
     * whole address, which the view of an .ics link does not show).
     */
    record Row(Tenant tenant, CalendarLinkView view, byte[] sealedSecret, String version, String url) {}

    record NewLink(
            String id,
            String clinicianId,
            LinkKind kind,
            String url,
            String username,
            byte[] sealedSecret,
            int pollMinutes) {}

    void insert(Tenant tenant, NewLink link, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO calendar_links (id, organization_id, mode, clinician_id, kind, url, username,
                                                    sealed_secret, poll_seconds, next_poll_at, sync_status, created_at)
                        VALUES (:id, :org, :mode, :clinician, :kind, :url, :username, :secret, :seconds, :now,
                                'pending', :now)"""), tenant)
                .param("id", link.id())
                .param("clinician", link.clinicianId())
                .param("kind", link.kind().wire())
                .param("url", link.url())
                .param("username", link.username())
                .param("secret", link.sealedSecret())
                .param("seconds", link.pollMinutes() * 60)
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id) {
        return Sql.owned(jdbc, "calendar_links", tenant, id, false)
                .query(CalendarLinkRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, String clinicianId, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM calendar_links WHERE organization_id = :org AND mode = :mode
                           AND (CAST(:clinician AS text) IS NULL OR clinician_id = :clinician)
                           AND (created_at, id) > (:after, :afterId)
                         ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("clinician", clinicianId)
                .query(CalendarLinkRepository::row)
                .list();
    }

    /** Links due for a read, leased to this process until {@code leaseUntil} so that no other reads them meanwhile. */
    List<Row> claimDue(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                        UPDATE calendar_links SET next_poll_at = :leaseUntil
                         WHERE id IN (SELECT id FROM calendar_links WHERE next_poll_at <= :now
                                       ORDER BY next_poll_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Sql.at(now))
                .param("leaseUntil", Sql.at(leaseUntil))
                .param("batch", batch)
                .query(CalendarLinkRepository::row)
                .list();
    }

    /**
     * Leases one link for a read asked for now; empty if it is gone. It waits out a poller's claim of the same row
     * rather than skipping it: two reads of one link are harmless, as each stores under the link's lock.
     */
    Optional<Row> claim(Tenant tenant, String id, Instant leaseUntil) {
        return Sql.scoped(jdbc.sql("""
                        UPDATE calendar_links SET next_poll_at = :leaseUntil
                         WHERE id = :id AND organization_id = :org AND mode = :mode
                        RETURNING *"""), tenant)
                .param("id", id)
                .param("leaseUntil", Sql.at(leaseUntil))
                .query(CalendarLinkRepository::row)
                .optional();
    }

    /** What a read found: the link's next read comes one interval after this one. */
    void polled(String id, SyncStatus status, String problem, String version, Integer busyTimes, Instant now) {
        jdbc.sql("""
                        UPDATE calendar_links
                           SET sync_status = :status, sync_problem = :problem, version = :version,
                               busy_count = COALESCE(:busy, busy_count), polled_at = :now,
                               next_poll_at = :now + make_interval(secs => poll_seconds)
                         WHERE id = :id""")
                .param("id", id)
                .param("status", status.wire())
                .param("problem", problem)
                .param("version", version)
                .param("busy", busyTimes)
                .param("now", Sql.at(now))
                .update();
    }

    /** Holds the link's row for the rest of the transaction; false if it is gone. */
    boolean lock(String id) {
        return jdbc.sql("SELECT id FROM calendar_links WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .optional()
                .isPresent();
    }

    boolean delete(Tenant tenant, String id) {
        return Sql.scoped(
                                jdbc.sql(
                                        "DELETE FROM calendar_links WHERE id = :id AND organization_id = :org AND mode = :mode"),
                                tenant)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var tenant = new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode")));
        byte[] secret = rs.getBytes("sealed_secret");
        var kind = WireName.parse(LinkKind.class, rs.getString("kind"));
        String url = rs.getString("url");
        var view = new CalendarLinkView(
                rs.getString("id"),
                rs.getString("clinician_id"),
                kind,
                kind == LinkKind.ICS ? withoutPath(url) : url,
                rs.getString("username"),
                secret != null,
                rs.getInt("poll_seconds") / 60,
                WireName.parse(SyncStatus.class, rs.getString("sync_status")),
                rs.getString("sync_problem"),
                rs.getInt("busy_count"),
                Sql.instant(rs, "polled_at"),
                Sql.instant(rs, "next_poll_at"),
                Sql.instant(rs, "created_at"));
        return new Row(tenant, view, secret, rs.getString("version"), url);
    }

    /**
     * A secret .ics address (the kind calendar services hand out) is a credential in its path, so views show only
     * where it points.
     */
    static String withoutPath(String url) {
        var uri = java.net.URI.create(url);
        boolean path = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null;
        return uri.getScheme() + "://" + uri.getRawAuthority() + (path ? "/…" : "/");
    }
}
