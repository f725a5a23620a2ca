package org.carebook.catalog;

import java.time.Clock;
import org.carebook.kernel.Caller;
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

/** Appointment types (services): what can be booked, for how long, at what price, by whom. */
@Service
public class AppointmentTypes {

    private final AppointmentTypeRepository repository;
    private final References references;
    private final Organizations organizations;
    private final Clock clock;

    AppointmentTypes(
            AppointmentTypeRepository repository, References references, Organizations organizations, Clock clock) {
        this.repository = repository;
        this.references = references;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Transactional
    public AppointmentTypeView create(Tenant tenant, Change<AppointmentTypeDraft> request, Problems problems) {
        var defaults =
                AppointmentTypeDraft.defaults(organizations.settings(tenant).currency());
        var draft = checked(tenant, request, request.over(defaults), problems);
        String id = Ids.next("type");
        repository.insert(tenant, id, draft, clock.instant());
        return view(repository.find(tenant, id, false).orElseThrow());
    }

    /** A publishable key (the booking widget) sees only active, online-bookable types. */
    @Transactional(readOnly = true)
    public AppointmentTypeView get(Caller caller, String id) {
        var row = repository
                .find(caller.tenant(), id, false)
                .filter(r -> !caller.isPublishable()
                        || (r.draft().isActive() && r.draft().allowOnlineBooking()))
                .orElseThrow(AppointmentTypes::notFound);
        return view(row);
    }

    /** Any type of the tenant, active or not: for work the server does on its own, such as writing to patients. */
    @Transactional(readOnly = true)
    public AppointmentTypeView get(Tenant tenant, String id) {
        return view(repository.find(tenant, id, false).orElseThrow(AppointmentTypes::notFound));
    }

    @Transactional(readOnly = true)
    public ListPage<AppointmentTypeView> list(
            Caller caller, Boolean active, Boolean online, String clinicianId, PageRequest page) {
        var filter = caller.isPublishable()
                ? new AppointmentTypeRepository.Filter(true, true, clinicianId)
                : new AppointmentTypeRepository.Filter(active, online, clinicianId);
        return ListPage.of(
                repository.page(caller.tenant(), filter, page),
                page,
                r -> new PageRequest.Position(r.createdAt(), r.id()),
                AppointmentTypes::view);
    }

    @Transactional
    public AppointmentTypeView update(
            Tenant tenant, String id, Change<AppointmentTypeDraft> change, Problems problems) {
        var current = repository.find(tenant, id, true).orElseThrow(AppointmentTypes::notFound);
        repository.update(id, checked(tenant, change, change.over(current.draft()), problems), clock.instant());
        return view(repository.find(tenant, id, false).orElseThrow());
    }

    @Transactional
    public AppointmentTypeView deactivate(Tenant tenant, String id) {
        var current = repository.find(tenant, id, true).orElseThrow(AppointmentTypes::notFound);
        repository.update(id, current.draft().deactivated(), clock.instant());
        return view(repository.find(tenant, id, false).orElseThrow());
    }

    /** A null slot interval steps by the duration, unless the request cleared it on purpose. */
    private AppointmentTypeDraft checked(
            Tenant tenant, Change<AppointmentTypeDraft> change, AppointmentTypeDraft draft, Problems problems) {
        boolean intervalCleared = change.given() != null && change.given().contains("slotIntervalMinutes");
        var checked = draft.checked(problems, intervalCleared);
        references.checkAll(problems, "clinicianIds", tenant, References.Table.CLINICIANS, checked.clinicianIds());
        problems.throwIfAny();
        return checked;
    }

    private static CarebookException notFound() {
        return CarebookException.notFound("No such appointment type.");
    }

    private static AppointmentTypeView view(AppointmentTypeRepository.Row row) {
        var d = row.draft();
        return new AppointmentTypeView(
                row.id(),
                d.name(),
                d.description(),
                d.durationMinutes(),
                d.price(),
                d.currency(),
                d.isActive(),
                d.allowOnlineBooking(),
                d.modes(),
                d.bufferBeforeMinutes(),
                d.bufferAfterMinutes(),
                d.minNoticeMinutes(),
                d.maxAdvanceDays(),
                d.slotIntervalMinutes(),
                d.requiresRoom(),
                d.capacity(),
                d.requiresApproval(),
                d.color(),
                d.clinicianIds(),
                d.changeRules(),
                d.serviceType(),
                row.createdAt(),
                row.updatedAt());
    }
}
