package org.carebook.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carebook.kernel.Address;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LocationRepository {

    private final JdbcClient jdbc;

    LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, LocationDraft draft, boolean active, Instant createdAt, Instant updatedAt) {}

    void insert(Tenant tenant, String id, LocationDraft draft, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO locations (id, organization_id, mode, name, timezone, address, phone, external_ids,
                                               created_at, updated_at)
                        VALUES (:id, :org, :mode, :name, :timezone, :address::jsonb, :phone, :external::jsonb, :now, :now)"""), tenant)
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    void update(String id, LocationDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE locations SET name = :name, timezone = :timezone, address = :address::jsonb,
                            phone = :phone, external_ids = :external::jsonb, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    void deactivate(String id, Instant now) {
        jdbc.sql("UPDATE locations SET is_active = false, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "locations", tenant, id, forUpdate)
                .query(LocationRepository::row)
                .optional();
    }

    List<Row> page(Tenant tenant, Boolean active, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM locations WHERE organization_id = :org AND mode = :mode
                          AND (CAST(:active AS boolean) IS NULL OR is_active = :active)
                          AND (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("active", active)
                .query(LocationRepository::row)
                .list();
    }

    void insertRoom(Tenant tenant, String locationId, String id, String name, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO rooms (id, location_id, organization_id, mode, name, created_at, updated_at)
                        VALUES (:id, :location, :org, :mode, :name, :now, :now)"""), tenant)
                .param("id", id)
                .param("location", locationId)
                .param("name", name)
                .param("now", Sql.at(now))
                .update();
    }

    void updateRoom(String id, String name, boolean active, Instant now) {
        jdbc.sql("UPDATE rooms SET name = :name, is_active = :active, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .param("active", active)
                .param("now", Sql.at(now))
                .update();
    }

    Optional<LocationView.RoomView> findRoom(String locationId, String roomId) {
        return jdbc.sql("SELECT id, name, is_active FROM rooms WHERE id = :id AND location_id = :location")
                .param("id", roomId)
                .param("location", locationId)
                .query((rs, n) -> new LocationView.RoomView(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    /** The rooms of many locations in one query, for list pages. */
    Map<String, List<LocationView.RoomView>> roomsOf(List<String> locationIds) {
        if (locationIds.isEmpty()) {
            return Map.of();
        }
        record Located(String locationId, LocationView.RoomView room) {}
        return jdbc
                .sql(
                        "SELECT location_id, id, name, is_active FROM rooms WHERE location_id = ANY(:ids) ORDER BY created_at, id")
                .param("ids", Sql.array(locationIds))
                .query((rs, n) -> new Located(
                        rs.getString(1), new LocationView.RoomView(rs.getString(2), rs.getString(3), rs.getBoolean(4))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Located::locationId, Collectors.mapping(Located::room, Collectors.toList())));
    }

    private static Map<String, Object> columns(LocationDraft draft) {
        var values = new java.util.HashMap<String, Object>();
        values.put("name", draft.name());
        values.put("timezone", draft.timezone());
        values.put("address", Sql.json(draft.address()));
        values.put("phone", draft.phone());
        values.put("external", Sql.json(draft.externalIds()));
        return values;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var draft = new LocationDraft(
                rs.getString("name"),
                rs.getString("timezone"),
                Sql.json(rs, "address", Address.class),
                rs.getString("phone"),
                Sql.stringMap(rs, "external_ids"));
        return new Row(
                rs.getString("id"),
                draft,
                rs.getBoolean("is_active"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
