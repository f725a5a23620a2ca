package org.carebook.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that ids named in a request body exist in the caller's organization and mode; anything else
 * (unknown, another organization's, the other mode's) is the same 422 naming the field.
 */
@Component
class References {

    enum Table {
        CLINICIANS("clinicians"),
        LOCATIONS("locations"),
        APPOINTMENT_TYPES("appointment_types");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    private final JdbcClient jdbc;

    References(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void check(Problems problems, String field, Tenant tenant, Table table, String id) {
        if (id != null && !known(tenant, table, List.of(id)).contains(id)) {
            problems.add(
                    field,
                    "does not name an existing " + table.name.replace('_', ' ').replaceAll("s$", ""));
        }
    }

    void checkAll(Problems problems, String field, Tenant tenant, Table table, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Set<String> known = known(tenant, table, ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                problems.add(
                        field + "[" + i + "]",
                        "does not name an existing "
                                + table.name.replace('_', ' ').replaceAll("s$", ""));
            }
        }
    }

    private Set<String> known(Tenant tenant, Table table, Collection<String> ids) {
        return new HashSet<>(Sql.scoped(
                        jdbc.sql("SELECT id FROM " + table.name
                                + " WHERE organization_id = :org AND mode = :mode AND id = ANY(:ids)"),
                        tenant)
                .param("ids", Sql.array(new ArrayList<>(ids)))
                .query(String.class)
                .list());
    }
}
