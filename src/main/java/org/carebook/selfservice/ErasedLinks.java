package org.carebook.selfservice;

import java.time.Clock;
import org.carebook.kernel.Sql;
import org.carebook.patient.PatientErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An erased patient's manage links stop working: nothing of theirs is reachable through a link sent to them. */
@Component
class ErasedLinks {

    private final JdbcClient jdbc;
    private final Clock clock;

    ErasedLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void erased(PatientErased erased) {
        Sql.scoped(jdbc.sql("""
                        UPDATE manage_links SET revoked_at = :now
                        WHERE organization_id = :org AND mode = :mode AND revoked_at IS NULL
                          AND appointment_id IN (SELECT id FROM appointments WHERE patient_id = :patient)"""), erased.tenant())
                .param("now", Sql.at(clock.instant()))
                .param("patient", erased.patientId())
                .update();
    }
}
