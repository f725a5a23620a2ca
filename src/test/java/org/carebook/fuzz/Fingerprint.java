package org.carebook.fuzz;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of everything stored for one organization, to tell whether a refused request changed anything.
 * Business tables are hashed row by row; logs that background workers update (delivery and notification
 * status) are only counted, since a refused request must not add to them either.
 */
final class Fingerprint {

    private static final List<String> HASHED = List.of(
            "locations",
            "rooms",
            "clinicians",
            "clinician_time_off",
            "appointment_types",
            "schedules",
            "patients",
            "holds",
            "appointments",
            "webhook_endpoints");
    private static final List<String> COUNTED = List.of("events", "notifications", "api_keys");

    private final JdbcClient jdbc;
    private final String organizationId;
    private final String query;

    Fingerprint(JdbcClient jdbc, String organizationId) {
        this.jdbc = jdbc;
        this.organizationId = organizationId;
        var parts = new StringBuilder("SELECT concat_ws(',', ");
        for (String table : HASHED) {
            parts.append("(SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) FROM ")
                    .append(table)
                    .append(" t WHERE organization_id = :org), ");
        }
        for (String table : COUNTED) {
            parts.append("(SELECT count(*) FROM ").append(table).append(" WHERE organization_id = :org), ");
        }
        parts.append("(SELECT count(*) || ':' || coalesce(sum(hashtext(e::text)), 0) FROM schedule_exceptions e"
                + " JOIN schedules s ON s.id = e.schedule_id WHERE s.organization_id = :org), ");
        parts.append("(SELECT hashtext(o::text) FROM organizations o WHERE id = :org))");
        this.query = parts.toString();
    }

    String take() {
        return jdbc.sql(query).param("org", organizationId).query(String.class).single();
    }
}
