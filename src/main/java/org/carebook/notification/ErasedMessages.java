package org.carebook.notification;

import org.carebook.kernel.Sql;
import org.carebook.patient.PatientErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages planned for an erased patient keep their kind, channel, state and times, but not where they went
 * nor what they said; one still queued is not sent ({@code suppressed}, {@code patient_erased}).
 */
@Component
class ErasedMessages {

    private final JdbcClient jdbc;

    ErasedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void erased(PatientErased erased) {
        Sql.scoped(jdbc.sql("""
                        UPDATE notifications SET recipient = 'erased', subject = NULL, text_body = '',
                            html_body = NULL, calendar = NULL, last_error = NULL,
                            status = CASE WHEN status = 'queued' THEN 'suppressed' ELSE status END,
                            suppressed_reason = CASE WHEN status = 'queued' THEN :reason ELSE suppressed_reason END
                        WHERE organization_id = :org AND mode = :mode
                          AND (appointment_id IN (SELECT id FROM appointments WHERE patient_id = :patient)
                               OR waitlist_entry_id IN (SELECT id FROM waitlist_entries WHERE patient_id = :patient))"""), erased.tenant())
                .param("patient", erased.patientId())
                .param("reason", Suppression.PATIENT_ERASED.wire())
                .update();
    }
}
