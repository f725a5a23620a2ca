package org.carebook.booking;

import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Sql;
import org.carebook.patient.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged patient's bookings to the record kept, in the merging transaction. Their blocked time moves
 * first, under the exclusion constraint that keeps one patient in one place at a time: two records booked at
 * overlapping times cannot become one, and the whole merge is refused.
 */
@Component
class MergedPatients {

    private final JdbcClient jdbc;

    MergedPatients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void merged(PatientsMerged merged) {
        try {
            jdbc.sql("UPDATE blocking_intervals SET patient_id = :kept WHERE patient_id = :merged")
                    .param("kept", merged.keptId())
                    .param("merged", merged.mergedId())
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw CarebookException.conflict(
                    "patient_conflict",
                    "Both records are booked at overlapping times; cancel or move one of those appointments first.");
        }
        for (String table : new String[] {"appointments", "appointment_series"}) {
            Sql.scoped(
                            jdbc.sql("UPDATE " + table + " SET patient_id = :kept"
                                    + " WHERE organization_id = :org AND mode = :mode AND patient_id = :merged"),
                            merged.tenant())
                    .param("kept", merged.keptId())
                    .param("merged", merged.mergedId())
                    .update();
        }
    }
}
