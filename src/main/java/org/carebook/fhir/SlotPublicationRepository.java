package org.carebook.fhir;

import java.time.Instant;
import java.util.Optional;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organizations that publish their free times, and the page their slots link to. */
@Repository
class SlotPublicationRepository {

    record Row(String organizationId, String bookingPageUrl, Instant updatedAt) {}

    private final JdbcClient jdbc;

    SlotPublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String organizationId) {
        return jdbc.sql("SELECT * FROM slot_publications WHERE organization_id = :org")
                .param("org", organizationId)
                .query((rs, n) -> new Row(
                        rs.getString("organization_id"),
                        rs.getString("booking_page_url"),
                        Sql.instant(rs, "updated_at")))
                .optional();
    }

    void save(String organizationId, String bookingPageUrl, Instant now) {
        jdbc.sql("""
                        INSERT INTO slot_publications (organization_id, booking_page_url, updated_at)
                        VALUES (:org, :url, :now)
                        ON CONFLICT (organization_id) DO UPDATE SET booking_page_url = :url, updated_at = :now""")
                .param("org", organizationId)
                .param("url", bookingPageUrl)
                .param("now", Sql.at(now))
                .update();
    }

    void delete(String organizationId) {
        jdbc.sql("DELETE FROM slot_publications WHERE organization_id = :org")
                .param("org", organizationId)
                .update();
    }
}
