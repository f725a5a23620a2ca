package org.carebook.patient;

import java.time.Clock;
import java.util.List;
import org.carebook.audit.AuditLog;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes two records of one patient one: the duplicate's appointments, series, blocked time and waitlist entries
 * move to the record kept (each module moves its own, hearing {@link PatientsMerged} in this transaction), the
 * duplicate is deleted, and both are audited. The kept record's details stay as they are. Irreversible.
 */
@Service
public class PatientMerges {

    private static final String RESOURCE = "patient";

    private final MergeRepository repository;
    private final ApplicationEventPublisher publisher;
    private final AuditLog audit;
    private final EventLog events;
    private final Clock clock;

    PatientMerges(
            MergeRepository repository,
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

    /**
     * Merges {@code mergedId} into {@code keptId}. A refusal by another module (both records booked at the same
     * time, both waiting for one service) is its 409, and nothing is changed.
     */
    @Transactional
    public PatientMerge merge(Caller caller, String keptId, String mergedId) {
        var tenant = caller.tenant();
        if (keptId.equals(mergedId)) {
            refuse("must be another patient than the one kept");
        }
        var found = repository.lock(tenant, keptId, mergedId);
        if (!found.contains(keptId)) {
            throw CarebookException.notFound("No such patient.");
        }
        if (!found.contains(mergedId)) {
            String issue = repository
                    .keptFor(tenant, mergedId)
                    .map(kept -> "was already merged into " + kept)
                    .orElse("is not a patient of this organization");
            refuse(issue);
        }
        publisher.publishEvent(new PatientsMerged(tenant, keptId, mergedId));
        repository.retire(tenant, keptId, mergedId, clock.instant());
        audit.record(caller, AuditLog.Action.MERGE, RESOURCE, List.of(keptId, mergedId));
        var merge = new PatientMerge(keptId, mergedId);
        events.record(new PatientEvent.Merged(tenant, Actor.of(caller), merge));
        return merge;
    }

    private static void refuse(String issue) {
        var problems = new Problems();
        problems.add("mergedId", issue);
        problems.throwIfAny();
    }
}
