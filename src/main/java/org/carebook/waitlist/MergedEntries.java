package org.carebook.waitlist;

import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Sql;
import org.carebook.patient.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged patient's waitlist entries to the record kept, in the merging transaction. One live entry per
 * patient and service stays the rule (a unique index): two records waiting for one service cannot become one.
 */
@Component
class MergedEntries {

    private final JdbcClient jdbc;

    MergedEntries(JdbcClient jdbc) {
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
}
