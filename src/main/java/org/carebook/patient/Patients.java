package org.carebook.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carebook.audit.AuditLog;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patients. Every read, search, create and update is audited in the same transaction. */
@Service
public class Patients {

    private static final String RESOURCE = "patient";

    private final PatientRepository repository;
    private final Organizations organizations;
    private final AuditLog audit;
    private final EventLog events;
    private final Clock clock;

    Patients(PatientRepository repository, Organizations organizations, AuditLog audit, EventLog events, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a patient; {@code problems} holds what reading the request found, and the 422 names them all. */
    @Transactional
    public PatientView create(Caller caller, PatientDraft request, Problems problems) {
        var draft = check(organizations.settings(caller.tenant()), request, problems, "");
        problems.throwIfAny();
        String id = Ids.next("pat");
        repository.insert(caller.tenant(), id, draft, null, clock.instant());
        audit.record(caller, AuditLog.Action.CREATE, RESOURCE, List.of(id));
        events.record(new PatientEvent.Created(
                caller.tenant(), Actor.of(caller), new PatientChanged(id, draft.changedFrom(PatientDraft.EMPTY))));
        return view(row(caller, id, false));
    }

    @Transactional
    public PatientView get(Caller caller, String id) {
        var patient = view(row(caller, id, false));
        audit.record(caller, AuditLog.Action.READ, RESOURCE, List.of(id));
        return patient;
    }

    @Transactional
    public PatientView update(Caller caller, String id, Change<PatientDraft> change, Problems problems) {
        var current = row(caller, id, true);
        var draft = check(organizations.settings(caller.tenant()), change.over(current.draft()), problems, "");
        problems.throwIfAny();
        repository.update(id, draft, clock.instant());
        audit.record(caller, AuditLog.Action.UPDATE, RESOURCE, List.of(id));
        events.record(new PatientEvent.Updated(
                caller.tenant(), Actor.of(caller), new PatientChanged(id, draft.changedFrom(current.draft()))));
        return view(row(caller, id, false));
    }

    @Transactional
    public ListPage<PatientView> list(Caller caller, PageRequest page) {
        return auditedPage(caller, repository.page(caller.tenant(), page), page);
    }

    @Transactional
    public ListPage<PatientView> search(Caller caller, String text, int limit) {
        String folded = text.strip().replaceAll("\\s+", " ");
        String emailPrefix = folded.contains("@") ? folded.toLowerCase(Locale.ROOT) : null;
        // Only text with digits can be a phone number; a name search need not read the organization's country.
        String phone = folded.chars().anyMatch(Character::isDigit)
                ? Phones.e164(folded, organizations.settings(caller.tenant()).country())
                        .orElse(null)
                : null;
        var found = repository.search(caller.tenant(), folded, emailPrefix, phone, limit);
        return audited(caller, found);
    }

    /** Patients matching every part given of the query, a page at a time, read and audited as one access. */
    @Transactional
    public ListPage<PatientView> find(Caller caller, PatientQuery query, PageRequest page) {
        return auditedPage(caller, repository.matching(caller.tenant(), query, page), page);
    }

    private ListPage<PatientView> auditedPage(Caller caller, List<PatientRepository.Row> rows, PageRequest page) {
        var result = ListPage.of(rows, page, r -> new PageRequest.Position(r.createdAt(), r.id()), Patients::view);
        audit.record(
                caller,
                AuditLog.Action.READ,
                RESOURCE,
                result.data().stream().map(PatientView::id).toList());
        return result;
    }

    @Transactional
    public ListPage<PatientView> findByNameAndBirthDate(Caller caller, String name, LocalDate dateOfBirth, int limit) {
        var found = repository.byNameAndBirthDate(
                caller.tenant(), name.strip().replaceAll("\\s+", " "), dateOfBirth, limit);
        return audited(caller, found);
    }

    /**
     * A patient as the rules of every patient record would store it (docs/api.md §5), with what breaks them added
     * to {@code problems} under {@code path}; for a booking that names its patient inline.
     */
    public PatientDraft check(OrganizationSettings settings, PatientDraft draft, Problems problems, String path) {
        return draft.checked(settings.country(), LocalDate.now(clock.withZone(settings.timezone())), problems, path);
    }

    /**
     * The patient a booking names inline: an existing one with the same name and date of birth, or a new one.
     * A secret key's booking matches when the e-mail or phone it gives (if any) is the one on file. A
     * publishable key is held by anyone, so its booking matches only when the e-mail or phone on file agrees;
     * otherwise it makes a new record, marked as a possible duplicate of the one with that name and date of
     * birth. The caller is never told which. Concurrent bookings for the same new person are serialised so
     * they do not create two records.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public String matchOrCreate(Caller caller, PatientDraft draft) {
        Tenant tenant = caller.tenant();
        repository.lockIdentity(tenant, draft);
        var candidate = repository.sameNameAndBirthDate(tenant, draft);
        boolean noContactGiven = draft.email() == null && draft.phone() == null;
        if (candidate.isPresent() && (candidate.get().contactAgrees() || (noContactGiven && !caller.isPublishable()))) {
            audit.record(
                    caller,
                    AuditLog.Action.READ,
                    RESOURCE,
                    List.of(candidate.get().id()));
            return candidate.get().id();
        }
        String duplicateOf = caller.isPublishable()
                ? candidate.map(PatientRepository.Candidate::id).orElse(null)
                : null;
        String id = Ids.next("pat");
        repository.insert(tenant, id, draft, duplicateOf, clock.instant());
        audit.record(caller, AuditLog.Action.CREATE, RESOURCE, List.of(id));
        events.record(new PatientEvent.Created(
                tenant, Actor.of(caller), new PatientChanged(id, draft.changedFrom(PatientDraft.EMPTY))));
        return id;
    }

    /** The patients with these ids (a calendar's), read and audited as one access. */
    @Transactional
    public List<PatientView> several(Caller caller, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = repository.byIds(caller.tenant(), ids);
        audit.record(
                caller,
                AuditLog.Action.READ,
                RESOURCE,
                found.stream().map(PatientRepository.Row::id).toList());
        return found.stream().map(Patients::view).toList();
    }

    /** How to reach a patient, for messages the server sends them. */
    public record Contact(String firstName, String lastName, String email, String phone, String preferredLanguage) {}

    @Transactional(readOnly = true)
    public Optional<Contact> contact(Tenant tenant, String id) {
        return repository
                .find(tenant, id, false)
                .map(row -> new Contact(
                        row.draft().firstName(),
                        row.draft().lastName(),
                        row.draft().email(),
                        row.draft().phone(),
                        row.draft().preferredLanguage()));
    }

    /**
     * The insurance on the patient's record, for the server to check against a schedule's accepted payers. Not
     * audited: it is not shown to anyone.
     */
    public Optional<PatientView.Insurance> insuranceOnFile(Tenant tenant, String id) {
        return repository.find(tenant, id, false).map(row -> row.draft().insurance());
    }

    /**
     * Locks the patient's row until the transaction ends, so that bookings for one patient, which count the
     * patient's other bookings, take turns. Not audited: nothing is read.
     */
    @Transactional
    public void lockForBooking(Tenant tenant, String id) {
        repository.find(tenant, id, true);
    }

    /** True if the patient exists in the caller's organization and mode. Not audited: nothing is read. */
    @Transactional(readOnly = true)
    public boolean exists(Caller caller, String id) {
        return repository.find(caller.tenant(), id, false).isPresent();
    }

    private ListPage<PatientView> audited(Caller caller, List<PatientRepository.Row> found) {
        audit.record(
                caller,
                AuditLog.Action.SEARCH,
                RESOURCE,
                found.stream().map(PatientRepository.Row::id).toList());
        return ListPage.all(found.stream().map(Patients::view).toList());
    }

    private PatientRepository.Row row(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such patient."));
    }

    private static PatientView view(PatientRepository.Row row) {
        var d = row.draft();
        return new PatientView(
                row.id(),
                d.firstName(),
                d.lastName(),
                d.dateOfBirth(),
                d.email(),
                d.phone(),
                d.sex(),
                d.address(),
                d.insurance(),
                d.externalIds(),
                d.preferredLanguage(),
                row.possibleDuplicateOf(),
                row.createdAt(),
                row.updatedAt());
    }
}
