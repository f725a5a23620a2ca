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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarFeedRepository {

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A feed as stored, with its tenant; never its token, of which only the hash is kept. */
    record Row(Tenant tenant, CalendarFeedView view) {}

    void insert(Tenant tenant, String id, String clinicianId, String locationId, String tokenHash, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO calendar_feeds (id, organization_id, mode, clinician_id, location_id, token_hash,
                                                    created_at)
                        VALUES (:id, :org, :mode, :clinician, :location, :hash, :now)"""), tenant)
                .param("id", id)
                .param("clinician", clinicianId)
                .param("location", locationId)
                .param("hash", tokenHash)
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id) {
        return Sql.owned(jdbc, "calendar_feeds", tenant, id, false)
                .query(CalendarFeedRepository::row)
                .optional();
    }

    /** The active feed a token's hash names, in whichever organization it is. */
    Optional<Row> active(String tokenHash) {
        return jdbc.sql("SELECT * FROM calendar_feeds WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", tokenHash)
                .query(CalendarFeedRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM calendar_feeds WHERE organization_id = :org AND mode = :mode
                           AND (created_at, id) > (:after, :afterId)
                         ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .query(CalendarFeedRepository::row)
                .list();
    }

    void revoke(String id, Instant now) {
        jdbc.sql("UPDATE calendar_feeds SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .param("now", Sql.at(now))
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var tenant = new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode")));
        Instant revoked = Sql.instant(rs, "revoked_at");
        return new Row(
                tenant,
                new CalendarFeedView(
                        rs.getString("id"),
                        rs.getString("clinician_id"),
                        rs.getString("location_id"),
                        null,
                        revoked == null,
                        Sql.instant(rs, "created_at"),
                        revoked));
    }
}
