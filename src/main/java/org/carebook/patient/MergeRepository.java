package org.carebook.patient;

import java.time.Instant;
import java.util.List;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The patient rows a merge locks, re-points and deletes, and the record of where a merged id went. */
@Repository
class MergeRepository {

    private final JdbcClient jdbc;

    MergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks both records, always in id order so that two merges of one pair cannot deadlock; answers those found. */
    List<String> lock(Tenant tenant, String keptId, String mergedId) {
        return Sql.scoped(jdbc.sql("""
                        SELECT id FROM patients WHERE organization_id = :org AND mode = :mode AND id IN (:kept, :merged)
                        ORDER BY id FOR UPDATE"""), tenant)
                .param("kept", keptId)
                .param("merged", mergedId)
                .query(String.class)
                .list();
    }

    /**
     * Deletes the merged record once nothing else points at it: records flagged as its possible duplicates point
     * at the kept one instead (or at nothing, the kept one itself), and earlier merges into it now lead to the
     * kept one. Then remembers this merge.
     */
    void retire(Tenant tenant, String keptId, String mergedId, Instant now) {
        jdbc.sql("""
                        UPDATE patients SET possible_duplicate_of = CASE WHEN id = :kept THEN NULL ELSE :kept END
                        WHERE possible_duplicate_of = :merged""").param("kept", keptId).param("merged", mergedId).update();
        jdbc.sql("UPDATE patient_merges SET kept_id = :kept WHERE kept_id = :merged")
                .param("kept", keptId)
                .param("merged", mergedId)
                .update();
        jdbc.sql("DELETE FROM patients WHERE id = :merged")
                .param("merged", mergedId)
                .update();
        Sql.scoped(jdbc.sql("""
                        INSERT INTO patient_merges (merged_id, kept_id, organization_id, mode, merged_at)
                        VALUES (:merged, :kept, :org, :mode, :now)"""), tenant)
                .param("kept", keptId)
                .param("merged", mergedId)
                .param("now", Sql.at(now))
                .update();
    }

    /** The record a merged id now lives in, if it was merged. */
    java.util.Optional<String> keptFor(Tenant tenant, String mergedId) {
        return Sql.scoped(jdbc.sql("""
                        SELECT kept_id FROM patient_merges
                        WHERE organization_id = :org AND mode = :mode AND merged_id = :merged"""), tenant)
                .param("merged", mergedId)
                .query(String.class)
                .optional();
    }
}
