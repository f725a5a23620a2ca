package org.carebook.organization;

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
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            String id,
            String organizationId,
            Mode mode,
            String kind,
            String name,
            String prefix,
            String last4,
            byte[] sha256,
            List<String> scopes,
            List<String> allowedOrigins,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    void insert(Row row) {
        jdbc.sql("""
                        INSERT INTO api_keys (id, organization_id, mode, kind, name, key_prefix, key_last4, key_sha256,
                                              scopes, allowed_origins, created_at)
                        VALUES (:id, :org, :mode, :kind, :name, :prefix, :last4, :sha, :scopes, :origins, :now)""")
                .param("id", row.id())
                .param("org", row.organizationId())
                .param("mode", row.mode().wire())
                .param("kind", row.kind())
                .param("name", row.name())
                .param("prefix", row.prefix())
                .param("last4", row.last4())
                .param("sha", row.sha256())
                .param("scopes", Sql.array(row.scopes()))
                .param("origins", Sql.array(row.allowedOrigins()))
                .param("now", Sql.at(row.createdAt()))
                .update();
    }

    Optional<Row> findByHash(byte[] sha256) {
        return jdbc.sql("SELECT * FROM api_keys WHERE key_sha256 = :sha")
                .param("sha", sha256)
                .query(ApiKeyRepository::row)
                .optional();
    }

    Optional<Row> find(Tenant tenant, String id) {
        return jdbc.sql("SELECT * FROM api_keys WHERE id = :id AND organization_id = :org AND mode = :mode")
                .param("id", id)
                .param("org", tenant.organizationId())
                .param("mode", tenant.mode().wire())
                .query(ApiKeyRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, PageRequest page) {
        return jdbc.sql("""
                        SELECT * FROM api_keys WHERE organization_id = :org AND mode = :mode
                          AND (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit""")
                .param("org", tenant.organizationId())
                .param("mode", tenant.mode().wire())
                .param("after", Sql.at(page.after().createdAt()))
                .param("afterId", page.after().id())
                .param("limit", page.fetchSize())
                .query(ApiKeyRepository::row)
                .list();
    }

    void revoke(String id, Instant now) {
        jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .param("now", Sql.at(now))
                .update();
    }

    void touch(String id, Instant now) {
        jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", Sql.at(now))
                .update();
    }

    boolean anyActiveKeyAllows(String origin) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM api_keys WHERE revoked_at IS NULL AND allowed_origins @> ARRAY[CAST(:origin AS text)])")
                .param("origin", origin)
                .query(Boolean.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("organization_id"),
                Mode.fromWire(rs.getString("mode")),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getString("key_last4"),
                rs.getBytes("key_sha256"),
                Sql.texts(rs, "scopes"),
                Sql.texts(rs, "allowed_origins"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_used_at"),
                Sql.instant(rs, "revoked_at"));
    }
}
