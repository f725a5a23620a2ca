package org.carebook.waitlist;

import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Sql;
import org.carebook.patient.PatientErased;
import org.carebook.patient.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged patient's waitlist entries to the record kept, in the merging transaction. One live entry per
 * patient and service stays the rule (a unique index): two records waiting for one service cannot become one. A
 * patient still waiting is not erased: they are taken off the waitlist first.
 */
@Component
class PatientEntries {

    private final JdbcClient jdbc;

    PatientEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void merged(PatientsMerged merged) {
        try {
            Sql.scoped(jdbc.sql("""
                            UPDATE waitlist_entries SET patient_id = :kept
                            WHERE organization_id = :org AND mode = :mode AND patient_id = :merged"""), merged.tenant())
                    .param("kept", merged.keptId())
                    .param("merged", merged.mergedId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw CarebookException.conflict(
                    "waitlist_conflict",
                    "Both records are waiting for the same service; take one of them off the waitlist first.");
        }
    }

    @EventListener
    void erased(PatientErased erased) {
        boolean waiting = Sql.scoped(jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM waitlist_entries
                                       WHERE organization_id = :org AND mode = :mode AND patient_id = :patient
                                         AND status IN ('waiting', 'offered'))"""), erased.tenant())
                .param("patient", erased.patientId())
                .query(Boolean.class)
                .single();
        if (waiting) {
            throw CarebookException.conflict(
                    "patient_on_waitlist", "The patient is on the waitlist; take them off it before erasing them.");
        }
    }
}
