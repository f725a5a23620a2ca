package org.carebook.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules: a clinician's weekly working hours at a location (or remote), and per-date exceptions. */
@Service
public class Schedules {

    private final ScheduleRepository repository;
    private final References references;
    private final Clock clock;

    Schedules(ScheduleRepository repository, References references, Clock clock) {
        this.repository = repository;
        this.references = references;
        this.clock = clock;
    }

    @Transactional
    public ScheduleView create(Tenant tenant, Change<ScheduleDraft> request, Problems problems) {
        var draft = checked(tenant, request, request.over(ScheduleDraft.EMPTY), problems);
        String id = Ids.next("sched");
        repository.insert(tenant, id, draft, clock.instant());
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public ScheduleView get(Tenant tenant, String id) {
        return view(row(tenant, id, false));
    }

    @Transactional(readOnly = true)
    public ListPage<ScheduleView> list(Tenant tenant, String clinicianId, String locationId, PageRequest page) {
        return ListPage.of(
                repository.page(tenant, clinicianId, locationId, page),
                page,
                r -> new PageRequest.Position(r.createdAt(), r.id()),
                Schedules::view);
    }

    @Transactional
    public ScheduleView update(Tenant tenant, String id, Change<ScheduleDraft> change, Problems problems) {
        var current = row(tenant, id, true);
        repository.update(id, checked(tenant, change, change.over(current.draft()), problems), clock.instant());
        return get(tenant, id);
    }

    @Transactional
    public ScheduleView deactivate(Tenant tenant, String id) {
        var current = row(tenant, id, true);
        repository.update(id, current.draft().deactivated(), clock.instant());
        return get(tenant, id);
    }

    @Transactional
    public ScheduleView.DateException putException(
            Tenant tenant, String id, LocalDate date, List<Hours> hours, Problems problems) {
        row(tenant, id, true);
        Hours.rejectOverlaps(problems, "hours", hours);
        problems.throwIfAny();
        repository.putException(id, date, hours, clock.instant());
        return exception(tenant, id, date);
    }

    @Transactional(readOnly = true)
    public List<ScheduleView.DateException> exceptions(Tenant tenant, String id) {
        row(tenant, id, false);
        return repository.exceptions(id);
    }

    @Transactional(readOnly = true)
    public ScheduleView.DateException exception(Tenant tenant, String id, LocalDate date) {
        row(tenant, id, false);
        return repository
                .exception(id, date)
                .orElseThrow(() -> CarebookException.notFound("No exception on that date."));
    }

    @Transactional
    public ScheduleView.DateException removeException(Tenant tenant, String id, LocalDate date) {
        var removed = exception(tenant, id, date);
        repository.deleteException(id, date);
        return removed;
    }

    /** References must exist; the time zone is the location's, and only a remote-only schedule names its own. */
    private ScheduleDraft checked(
            Tenant tenant, Change<ScheduleDraft> change, ScheduleDraft request, Problems problems) {
        var draft = request.checked(problems);
        references.check(problems, "clinicianId", tenant, References.Table.CLINICIANS, draft.clinicianId());
        references.checkAll(
                problems, "appointmentTypeIds", tenant, References.Table.APPOINTMENT_TYPES, draft.appointmentTypeIds());
        String zone = draft.timezone();
        if (draft.locationId() != null) {
            var locationZone = repository.locationTimezone(tenant, draft.locationId());
            if (locationZone.isEmpty()) {
                problems.add("locationId", "does not name an existing location");
            } else if (change.gives("timezone") && zone != null && !zone.equals(locationZone.get())) {
                problems.add("timezone", "must be the location's time zone (" + locationZone.get() + ") or left out");
            } else {
                zone = locationZone.get();
            }
        } else if (zone == null) {
            problems.add("timezone", "is required for a remote-only schedule");
        }
        problems.throwIfAny();
        return draft.withTimezone(zone);
    }

    private ScheduleRepository.Row row(Tenant tenant, String id, boolean forUpdate) {
        return repository
                .find(tenant, id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such schedule."));
    }

    private static ScheduleView view(ScheduleRepository.Row row) {
        var d = row.draft();
        return new ScheduleView(
                row.id(),
                d.clinicianId(),
                d.locationId(),
                d.isRemote(),
                d.timezone(),
                d.weeklyHours(),
                d.validFrom(),
                d.validUntil(),
                d.appointmentTypeIds(),
                d.acceptedInsurancePayers(),
                d.isActive(),
                row.createdAt(),
                row.updatedAt());
    }
}
