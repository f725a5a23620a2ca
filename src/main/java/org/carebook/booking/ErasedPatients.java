package org.carebook.booking;

import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Sql;
import org.carebook.patient.PatientErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased patient's appointments stay as history (when, with whom, what, their state) without what was written
 * about the patient. A patient with appointments still to come is not erased: those are cancelled first, so the
 * clinic decides about each and the patient is told.
 */
@Component
class ErasedPatients {

    private final JdbcClient jdbc;

    ErasedPatients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void erased(PatientErased erased) {
        boolean upcoming = Sql.scoped(jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM appointments
                                       WHERE organization_id = :org AND mode = :mode AND patient_id = :patient
                                         AND status IN ('pending', 'confirmed', 'checked_in'))"""), erased.tenant())
                .param("patient", erased.patientId())
                .query(Boolean.class)
                .single();
        if (upcoming) {
            throw CarebookException.conflict(
                    "patient_has_appointments",
                    "The patient has appointments still to come; cancel them before erasing the patient.");
        }
        Sql.scoped(jdbc.sql("""
                        UPDATE appointments SET title = NULL, reason = NULL, notes = NULL, payment_mode = NULL,
                            insurance = NULL, attendee_name = NULL, attendee_email = NULL, attendee_phone = NULL,
                            external_ids = '{}', cancellation_reason = NULL
                        WHERE organization_id = :org AND mode = :mode AND patient_id = :patient"""), erased.tenant())
                .param("patient", erased.patientId())
                .update();
    }
}
