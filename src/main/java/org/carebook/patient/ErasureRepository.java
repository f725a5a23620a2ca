package org.carebook.patient;

import java.time.Instant;
import java.util.Optional;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The patient row an erasure locks and scrubs. */
@Repository
class ErasureRepository {

    private final JdbcClient jdbc;

    ErasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the record; empty when there is none, else whether it was erased already. */
    Optional<Boolean> lock(Tenant tenant, String patientId) {
        return Sql.scoped(jdbc.sql("""
                        SELECT erased_at IS NOT NULL FROM patients
                        WHERE organization_id = :org AND mode = :mode AND id = :id FOR UPDATE"""), tenant)
                .param("id", patientId)
                .query(Boolean.class)
                .optional();
    }

    /**
     * Replaces the names, removes every other personal field (the date of birth, which the column needs, becomes
     * 1970-01-01), and unflags records marked as possible duplicates of this one.
     */
    void scrub(String patientId, String firstName, String lastName, Instant now) {
        jdbc.sql("""
                        UPDATE patients SET first_name = :first, last_name = :last, date_of_birth = DATE '1970-01-01',
                            email = NULL, phone = NULL, sex = NULL, address = NULL, insurance = NULL,
                            external_ids = '{}', preferred_language = NULL, possible_duplicate_of = NULL,
                            erased_at = :now, updated_at = :now
                        WHERE id = :id""")
                .param("first", firstName)
                .param("last", lastName)
                .param("now", Sql.at(now))
                .param("id", patientId)
                .update();
        jdbc.sql("UPDATE patients SET possible_duplicate_of = NULL WHERE possible_duplicate_of = :id")
                .param("id", patientId)
                .update();
    }
}
