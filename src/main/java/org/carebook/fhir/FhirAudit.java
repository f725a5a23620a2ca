package org.carebook.fhir;

import java.util.List;
import org.carebook.audit.AuditLog;
import org.carebook.kernel.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduling operations in the audit log, as IHE's transactions ask: a {@code $find} as a search, a
 * {@code $hold} and a {@code $book} as what they made or changed. Their resource type is the operation
 * ({@code Appointment/$book}), so the log tells them from {@code /v1}'s. Written once the operation has
 * succeeded, in a transaction of its own: a booking spans a hold and a confirmation, each already committed.
 */
@Component
class FhirAudit {

    static final String OPERATION = "Appointment/$";

    private final AuditLog log;

    FhirAudit(AuditLog log) {
        this.log = log;
    }

    @Transactional
    void record(Caller caller, AuditLog.Action action, String operation, List<String> ids) {
        log.record(caller, action, OPERATION + operation, ids);
    }
}
