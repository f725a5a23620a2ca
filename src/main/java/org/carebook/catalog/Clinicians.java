package org.carebook.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clinicians (doctors, practitioners) and their time off. */
@Service
public class Clinicians {

    private final ClinicianRepository repository;
    private final Organizations organizations;
    private final Clock clock;

    Clinicians(ClinicianRepository repository, Organizations organizations, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Transactional
    public ClinicianView create(Tenant tenant, Change<ClinicianDraft> request, Problems problems) {
        var draft = checked(tenant, request.over(ClinicianDraft.EMPTY), problems);
        String id = Ids.next("clin");
        repository.insert(tenant, id, draft, clock.instant());
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public ClinicianView get(Tenant tenant, String id) {
        return view(row(tenant, id, false));
    }

    /** Whether the clinician is one of this organization's, in this mode. */
    @Transactional(readOnly = true)
    public boolean exists(Tenant tenant, String id) {
        return repository.find(tenant, id, false).isPresent();
    }

    @Transactional(readOnly = true)
    public ListPage<ClinicianView> list(Tenant tenant, String locationId, Boolean active, PageRequest page) {
        return ListPage.of(
                repository.page(tenant, locationId, active, page),
                page,
                r -> new PageRequest.Position(r.createdAt(), r.id()),
                Clinicians::view);
    }

    @Transactional
    public ClinicianView update(Tenant tenant, String id, Change<ClinicianDraft> change, Problems problems) {
        var current = row(tenant, id, true);
        var draft = checked(tenant, change.over(current.draft()), problems);
        repository.update(id, draft, clock.instant());
        return get(tenant, id);
    }

    /** Clinicians are deactivated, never removed: appointments keep pointing at them. */
    @Transactional
    public ClinicianView deactivate(Tenant tenant, String id) {
        var current = row(tenant, id, true);
        repository.update(id, current.draft().deactivated(), clock.instant());
        return get(tenant, id);
    }

    /** Time off from {@code start} until {@code end}; {@code problems} holds what reading found, and the 422 names all. */
    @Transactional
    public TimeOffView addTimeOff(
            Tenant tenant, String clinicianId, Instant start, Instant end, String reason, Problems problems) {
        problems.require("startTime", start);
        problems.require("endTime", end);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add("endTime", "must be after start_time");
        }
        problems.throwIfAny();
        row(tenant, clinicianId, true);
        String id = Ids.next("toff");
        repository.insertTimeOff(tenant, id, clinicianId, start, end, reason, clock.instant());
        return repository.findTimeOff(clinicianId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<TimeOffView> timeOff(Tenant tenant, String clinicianId) {
        row(tenant, clinicianId, false);
        return repository.timeOff(clinicianId);
    }

    @Transactional(readOnly = true)
    public TimeOffView timeOff(Tenant tenant, String clinicianId, String id) {
        row(tenant, clinicianId, false);
        return repository
                .findTimeOff(clinicianId, id)
                .orElseThrow(() -> CarebookException.notFound("No such time off."));
    }

    /** Time off is removed outright: nothing refers to it, and it blocks only while it exists. */
    @Transactional
    public TimeOffView removeTimeOff(Tenant tenant, String clinicianId, String id) {
        TimeOffView removed = timeOff(tenant, clinicianId, id);
        repository.deleteTimeOff(id);
        return removed;
    }

    private ClinicianRepository.Row row(Tenant tenant, String id, boolean forUpdate) {
        return repository
                .find(tenant, id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such clinician."));
    }

    private static ClinicianView view(ClinicianRepository.Row row) {
        ClinicianDraft d = row.draft();
        return new ClinicianView(
                row.id(),
                d.name(),
                d.title(),
                d.specialty(),
                d.email(),
                d.phone(),
                d.isActive(),
                d.timezone(),
                d.externalIds(),
                row.createdAt(),
                row.updatedAt());
    }

    private ClinicianDraft checked(Tenant tenant, ClinicianDraft draft, Problems problems) {
        var checked = draft.checked(organizations.settings(tenant).country(), problems);
        problems.throwIfAny();
        return checked;
    }
}
