package org.carebook.kernel;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Small conversions between Java values and PostgreSQL columns, shared by every repository. */
public final class Sql {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private Sql() {}

    /** Binds {@code :org} and {@code :mode}, which every tenant-owned query filters on. */
    public static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, Tenant tenant) {
        return spec.param("org", tenant.organizationId())
                .param("mode", tenant.mode().wire());
    }

    /** One row of a tenant-owned table by id, optionally locked for the rest of the transaction. */
    public static JdbcClient.StatementSpec owned(
            JdbcClient jdbc, String table, Tenant tenant, String id, boolean forUpdate) {
        return scoped(
                        jdbc.sql(
                                "SELECT * FROM " + table + " WHERE id = :id AND organization_id = :org AND mode = :mode"
                                        + (forUpdate ? " FOR UPDATE" : "")),
                        tenant)
                .param("id", id);
    }

    /** Binds {@code :after}, {@code :afterId} and {@code :limit} for keyset paging on (created_at, id). */
    public static JdbcClient.StatementSpec paged(JdbcClient.StatementSpec spec, PageRequest page) {
        return spec.param("after", at(page.after().createdAt()))
                .param("afterId", page.after().id())
                .param("limit", page.fetchSize());
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a timestamptz. Through Timestamp, because the driver's OffsetDateTime path builds new zone rules per value. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static String[] array(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    public static List<Integer> integers(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    public static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    public static Map<String, String> stringMap(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? Map.of() : JSON.readValue(text, STRING_MAP);
    }

    public static <T> T json(ResultSet rs, String column, Class<T> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : JSON.readValue(text, type);
    }

    public static <T> T json(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : JSON.readValue(text, type);
    }
}
