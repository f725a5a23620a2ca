package org.carebook.smart;

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
class SmartClientRepository {

    private final JdbcClient jdbc;

    SmartClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A client as stored: its view, its tenant, and its inline key set (JSON) if it gave one. */
    record Row(Tenant tenant, SmartClientView view, String jwks) {}

    void insert(Tenant tenant, String id, String name, String jwksUrl, String jwks, List<String> scopes, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO smart_clients (id, organization_id, mode, name, jwks_url, jwks, scopes, created_at)
                        VALUES (:id, :org, :mode, :name, :jwksUrl, :jwks, :scopes, :now)"""), tenant)
                .param("id", id)
                .param("name", name)
                .param("jwksUrl", jwksUrl)
                .param("jwks", jwks)
                .param("scopes", Sql.array(scopes))
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id) {
        return Sql.owned(jdbc, "smart_clients", tenant, id, false)
                .query(SmartClientRepository::row)
                .optional();
    }

    /** An active client by the id its assertion names, in whichever organization it is. */
    Optional<Row> active(String id) {
        return jdbc.sql("SELECT * FROM smart_clients WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .query(SmartClientRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM smart_clients WHERE organization_id = :org AND mode = :mode
                           AND (created_at, id) > (:after, :afterId)
                         ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .query(SmartClientRepository::row)
                .list();
    }

    void revoke(String id, Instant now) {
        jdbc.sql("UPDATE smart_clients SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .param("now", Sql.at(now))
                .update();
        jdbc.sql("DELETE FROM smart_access_tokens WHERE client_id = :id")
                .param("id", id)
                .update();
    }

    /** Keeps an assertion's id until it expires; false if the client used it before (a replay). */
    boolean firstUse(String clientId, String jti, Instant expiresAt) {
        return jdbc.sql("""
                        INSERT INTO smart_assertions (client_id, jti, expires_at) VALUES (:client, :jti, :expires)
                        ON CONFLICT DO NOTHING""")
                        .param("client", clientId)
                        .param("jti", jti)
                        .param("expires", Sql.at(expiresAt))
                        .update()
                == 1;
    }

    void insertToken(byte[] hash, String clientId, List<String> scopes, String granted, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO smart_access_tokens (token_hash, client_id, scopes, granted, expires_at)
                        VALUES (:hash, :client, :scopes, :granted, :expires)""")
                .param("hash", hash)
                .param("client", clientId)
                .param("scopes", Sql.array(scopes))
                .param("granted", granted)
                .param("expires", Sql.at(expiresAt))
                .update();
    }

    /** A live token's client and Carebook scopes. */
    record Token(String clientId, Tenant tenant, List<String> scopes) {}

    Optional<Token> token(byte[] hash, Instant now) {
        return jdbc.sql("""
                        SELECT t.client_id, c.organization_id, c.mode, t.scopes AS scopes
                          FROM smart_access_tokens t JOIN smart_clients c ON c.id = t.client_id
                         WHERE t.token_hash = :hash AND t.expires_at > :now AND c.revoked_at IS NULL""")
                .param("hash", hash)
                .param("now", Sql.at(now))
                .query((rs, n) -> new Token(
                        rs.getString(1),
                        new Tenant(rs.getString(2), Mode.fromWire(rs.getString(3))),
                        Sql.texts(rs, "scopes")))
                .optional();
    }

    /** Expired tokens and assertion ids: nothing checks them any more. */
    int forgetExpired(Instant now) {
        return jdbc.sql("DELETE FROM smart_access_tokens WHERE expires_at <= :now")
                        .param("now", Sql.at(now))
                        .update()
                + jdbc.sql("DELETE FROM smart_assertions WHERE expires_at <= :now")
                        .param("now", Sql.at(now))
                        .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var tenant = new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode")));
        String jwks = rs.getString("jwks");
        var view = new SmartClientView(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("jwks_url"),
                jwks != null,
                Sql.texts(rs, "scopes"),
                rs.getTimestamp("revoked_at") == null,
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"));
        return new Row(tenant, view, jwks);
    }
}
