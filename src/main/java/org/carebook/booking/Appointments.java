package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments: booking by staff, rescheduling and the status life cycle (docs/api.md §6). Each change loads the
 * appointment for update, asks it for the named transition, saves what that gives with one UPDATE and records
 * its event; what may collide is left to the database's guard.
 */
@Service
public class Appointments {

    private final AppointmentRepository repository;
    private final BookingCore core;
    private final ChangePolicies policies;
    private final Placements placements;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Appointments(
            AppointmentRepository repository,
            BookingCore core,
            ChangePolicies policies,
            Placements placements,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.publisher = publisher;
        this.repository = repository;
        this.core = core;
        this.policies = policies;
        this.placements = placements;
        this.clock = clock;
    }

    /** Books directly; {@code problems} holds what reading the request found, and the 422 names them all. */
    @Transactional
    public AppointmentView book(Caller caller, BookAppointment command, Problems problems) {
        if (command.patient() instanceof PatientChoice.Inline && !caller.has(Scope.WRITE_PATIENTS)) {
            throw CarebookException.missingScope(Scope.WRITE_PATIENTS);
        }
        var settings = placements.settings(caller.tenant());
        var where = placements.of(caller, command, settings, problems);
        var patient = core.check(caller, command.patient(), settings, problems);
        var details = command.details().checked(settings.country(), problems);
        problems.throwIfAny();
        Instant now = clock.instant();
        String patientId = core.patientId(caller, patient);
        if (where.schedule() != null) {
            core.checkInsurance(caller.tenant(), where.schedule(), patientId, details);
        }
        boolean overridden = core.checkLimit(caller, patientId, settings, command.overrideBookingLimit(), now);
        return core.bookNewTime(caller, where, patientId, command, details, overridden, null, now);
    }

    @Transactional(readOnly = true)
    public AppointmentView get(Caller caller, String id) {
        return load(caller, id, false).view();
    }

    @Transactional(readOnly = true)
    public ListPage<AppointmentView> list(Caller caller, AppointmentFilter filter, PageRequest page) {
        return ListPage.of(
                repository.page(caller.tenant(), filter, page),
                page,
                r -> new PageRequest.Position(r.placement().start(), r.id()),
                Appointment::view);
    }

    /** Every appointment the filter matches, page after page, for screens that show them all (a day, a history). */
    @Transactional(readOnly = true)
    public List<AppointmentView> all(Caller caller, AppointmentFilter filter) {
        var all = new ArrayList<AppointmentView>();
        String cursor = null;
        do {
            var page = list(caller, filter, PageRequest.of("100", cursor));
            all.addAll(page.data());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Changes details, and reschedules in one guarded step when time, clinician, location or room change. */
    @Transactional
    public AppointmentView change(Caller caller, String id, ChangeAppointment change, Problems problems) {
        Instant now = clock.instant();
        var current = load(caller, id, true);
        var tenant = caller.tenant();
        var where = placements.moved(tenant, current.placement(), change, problems);
        var details = change.detailsChange()
                .over(current.details())
                .checked(placements.settings(tenant).country(), problems);
        problems.throwIfAny();
        if (where.placement().equals(current.placement())) {
            var described = current.describe(details, now);
            repository.save(described);
            return described.view();
        }
        current.requireReschedulable();
        policies.checkReschedule(caller, current, now);
        var type = placements.type(caller, current.appointmentTypeId());
        var moved = core.move(current, type, where.placement(), where.location(), now);
        freed(current.tenant(), current.placement(), now);
        return save(current.reschedule(Actor.of(caller), moved.placement(), moved.sessionId(), details, now));
    }

    /** Cancels; cancelling a cancelled appointment changes nothing. */
    @Transactional
    public AppointmentView cancel(Caller caller, String id, CancelAppointment command) {
        var current = load(caller, id, true);
        if (current.status() == AppointmentStatus.CANCELLED) {
            return current.view();
        }
        Instant now = clock.instant();
        current.requireMove(AppointmentStatus.CANCELLED); // refused as finished before any notice is weighed
        boolean late = policies.checkCancel(caller, current, now);
        // An explicit null "cancelled_by" says nobody in particular, as it always has.
        String by = command.cancelledBy() == null ? null : command.cancelledBy().wire();
        return save(current.cancel(Actor.of(caller), command.reason(), by, late, now));
    }

    /**
     * Moves an appointment onto the time a hold keeps, in one transaction: its own time is given up only as
     * the hold's is handed over, so an expired hold leaves the appointment where it was.
     */
    @Transactional
    public AppointmentView moveToHold(Caller caller, String id, String holdId) {
        Instant now = clock.instant();
        var current = load(caller, id, true);
        current.requireReschedulable();
        var hold = core.heldFor(caller, current, holdId, now);
        policies.checkReschedule(caller, current, now);
        var moved = core.takeOver(hold, current, now);
        freed(current.tenant(), current.placement(), now);
        return save(current.reschedule(Actor.of(caller), moved.placement(), moved.sessionId(), current.details(), now));
    }

    /** What the clinic's rules let the patient change of this appointment themselves. */
    @Transactional(readOnly = true)
    public ChangePolicy policy(Caller caller, String id) {
        return policies.of(caller, load(caller, id, false));
    }

    @Transactional
    public AppointmentView confirm(Caller caller, String id) {
        return save(load(caller, id, true).confirm(Actor.of(caller), clock.instant()));
    }

    /** Declines a pending appointment, freeing its time; declining a declined one changes nothing. */
    @Transactional
    public AppointmentView decline(Caller caller, String id, String reason) {
        var current = load(caller, id, true);
        if (current.status() == AppointmentStatus.DECLINED) {
            return current.view();
        }
        return save(current.decline(Actor.of(caller), reason, clock.instant()));
    }

    /** Declines up to {@code batch} pending appointments nobody approved in time; answers how many. */
    @Transactional
    public int declineOverdue(int batch) {
        Instant now = clock.instant();
        var overdue = repository.overdueForApproval(now, batch);
        overdue.forEach(a -> save(a.decline(Actor.SYSTEM, NOT_APPROVED_IN_TIME, now)));
        return overdue.size();
    }

    /** The reason an automatic decline gives, in the clinic's words to the patient. */
    static final String NOT_APPROVED_IN_TIME = "The clinic could not approve the request in time.";

    @Transactional
    public AppointmentView checkIn(Caller caller, String id) {
        return save(load(caller, id, true).checkIn(Actor.of(caller), clock.instant()));
    }

    @Transactional
    public AppointmentView noShow(Caller caller, String id) {
        return save(load(caller, id, true).markNoShow(Actor.of(caller), clock.instant()));
    }

    @Transactional
    public AppointmentView complete(Caller caller, String id) {
        return save(load(caller, id, true).complete(Actor.of(caller), clock.instant()));
    }

    /** Saves a transition's result; an appointment that no longer blocks time gives its time up at once. */
    private AppointmentView save(Appointment.Transition transition) {
        var next = transition.next();
        if (!next.status().blocksTime()) {
            core.release(next.tenant(), next.id(), next.updatedAt());
            freed(next.tenant(), next.placement(), next.updatedAt());
        }
        repository.save(next);
        transition.event().ifPresent(core::record);
        return next.view();
    }

    /** Tells of time given up that is still to come: the waitlist may offer it to someone else. */
    private void freed(org.carebook.kernel.Tenant tenant, Placement placement, Instant now) {
        if (placement.end().isAfter(now)) {
            publisher.publishEvent(TimeFreed.of(tenant, placement));
        }
    }

    private Appointment load(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such appointment."));
    }
}
