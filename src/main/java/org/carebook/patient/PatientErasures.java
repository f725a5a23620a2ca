package org.carebook.patient;

import java.time.Clock;
import java.util.List;
import org.carebook.audit.AuditLog;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a patient on their request: the record keeps its id so that appointments stay as anonymous history, its
 * names become "Erased patient" and every other personal field is removed; the other modules remove what they
 * hold of the patient (hearing {@link PatientErased}). Audited, recorded as {@code patient.erased}, irreversible.
 */
@Service
public class PatientErasures {

    private final ErasureRepository repository;
    private final ApplicationEventPublisher publisher;
    private final AuditLog audit;
    private final EventLog events;
    private final Clock clock;

    PatientErasures(
            ErasureRepository repository,
            ApplicationEventPublisher publisher,
            AuditLog audit,
            EventLog events,
            Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Erases the patient; refused (409) while they have appointments to come or a place on the waitlist. */
    @Transactional
    public void erase(Caller caller, String patientId) {
        var tenant = caller.tenant();
        boolean erased =
                repository.lock(tenant, patientId).orElseThrow(() -> CarebookException.notFound("No such patient."));
        if (erased) {
            throw CarebookException.conflict("already_erased", "This patient was erased already.");
        }
        publisher.publishEvent(new PatientErased(tenant, patientId));
        repository.scrub(patientId, "Erased", "patient", clock.instant());
        audit.record(caller, AuditLog.Action.ERASE, "patient", List.of(patientId));
        events.record(new PatientEvent.Erased(
                tenant, Actor.of(caller), new PatientChanged(patientId, PatientDraft.fieldNames())));
    }
}
