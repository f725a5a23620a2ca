package org.carebook.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.ScheduleView;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appointments: booking by staff, rescheduling and the status life cycle (docs/api.md §6). */
@Service
public class Appointments {

    private final AppointmentRepository repository;
    private final BlockingIntervals intervals;
    private final BookingReferences references;
    private final BookingCore core;
    private final ChangePolicies policies;
    private final HoldRepository holds;
    private final BookingMetrics metrics;
    private final Organizations organizations;
    private final EventLog events;
    private final Clock clock;

    Appointments(
            AppointmentRepository repository,
            BlockingIntervals intervals,
            BookingReferences references,
            BookingCore core,
            ChangePolicies policies,
            HoldRepository holds,
            BookingMetrics metrics,
            Organizations organizations,
            EventLog events,
            Clock clock) {
        this.repository = repository;
        this.intervals = intervals;
        this.references = references;
        this.core = core;
        this.policies = policies;
        this.holds = holds;
        this.metrics = metrics;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** Where and when a booking is, with the catalogue objects that say so. */
    record Where(AppointmentTypeView type, Placement placement, LocationView location) {}

    /** Books directly; {@code problems} holds what reading the request found, and the 422 names them all. */
    @Transactional
    public AppointmentView book(Caller caller, BookAppointment command, Problems problems) {
        if (command.patient() instanceof PatientChoice.Inline && !caller.has(Scope.WRITE_PATIENTS)) {
            throw CarebookException.missingScope(Scope.WRITE_PATIENTS);
        }
        var settings = organizations.settings(caller.tenant());
        var where = where(caller, command, settings, problems);
        var patient = core.check(caller, command.patient(), settings, problems);
        var details = command.details().checked(settings.country(), problems);
        problems.throwIfAny();
        Instant now = clock.instant();
        String patientId = core.patientId(caller, patient);
        boolean overridden = core.checkLimit(caller, patientId, settings, command.overrideBookingLimit(), now);
        return core.bookNewTime(caller, where, patientId, command, details, overridden, now);
    }

    @Transactional(readOnly = true)
    public AppointmentView get(Caller caller, String id) {
        return row(caller, id, false).view();
    }

    @Transactional(readOnly = true)
    public ListPage<AppointmentView> list(Caller caller, AppointmentFilter filter, PageRequest page) {
        return ListPage.of(
                repository.page(caller.tenant(), filter, page),
                page,
                r -> new PageRequest.Position(r.placement().start(), r.id()),
                AppointmentRow::view);
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
        var current = row(caller, id, true);
        var tenant = caller.tenant();
        var where = moved(tenant, current.placement(), change, problems);
        var details = change.details()
                .over(current.details(), change::gives)
                .checked(organizations.settings(tenant).country(), problems);
        problems.throwIfAny();

        boolean moved = !where.placement().equals(current.placement());
        if (moved) {
            if (!current.status().isUpcoming()) {
                throw CarebookException.invalidState("Only a pending or confirmed appointment can be rescheduled.");
            }
            policies.checkReschedule(caller, current, now);
            var type = references.type(caller, current.appointmentTypeId());
            repository.move(id, core.move(current, type, where.placement(), where.location(), now), now);
        }
        repository.describe(id, details, now);
        var updated = row(caller, id, false).view();
        return moved
                ? core.record(new AppointmentEvent.Rescheduled(
                        tenant, Actor.of(caller), updated, AppointmentChanged.between(current.view(), updated)))
                : updated;
    }

    /** Cancels; cancelling a cancelled appointment changes nothing. */
    @Transactional
    public AppointmentView cancel(Caller caller, String id, CancelAppointment command) {
        var current = row(caller, id, true);
        if (current.status() == AppointmentStatus.CANCELLED) {
            return current.view();
        }
        requireMove(current, AppointmentStatus.CANCELLED);
        Instant now = clock.instant();
        boolean late = policies.checkCancel(caller, current, now);
        intervals.release(id);
        // An explicit null "cancelled_by" says nobody in particular, as it always has.
        String by = command.cancelledBy() == null ? null : command.cancelledBy().wire();
        repository.cancel(id, command.reason(), by, late, now);
        var cancelled = row(caller, id, false).view();
        return core.record(new AppointmentEvent.Cancelled(
                caller.tenant(), Actor.of(caller), cancelled, AppointmentChanged.between(current.view(), cancelled)));
    }

    /**
     * Moves an appointment onto the time a hold keeps, in one transaction: its own time is given up only as
     * the hold's is handed over, so an expired hold leaves the appointment where it was.
     */
    @Transactional
    public AppointmentView moveToHold(Caller caller, String id, String holdId) {
        Instant now = clock.instant();
        var current = row(caller, id, true);
        if (!current.status().isUpcoming()) {
            throw CarebookException.invalidState("Only a pending or confirmed appointment can be rescheduled.");
        }
        var hold = holds.find(caller.tenant(), holdId, true)
                .filter(h -> h.status(now) == HoldStatus.ACTIVE)
                .orElseThrow(BookingCore::holdExpired);
        if (!hold.appointmentTypeId().equals(current.appointmentTypeId())) {
            throw CarebookException.validation(
                    "hold_mismatch",
                    "The hold is for another appointment type.",
                    List.of(new FieldIssue("hold_id", "is for another appointment type")));
        }
        policies.checkReschedule(caller, current, now);
        intervals.release(id);
        if (!intervals.transfer(hold.id(), id, current.patientId(), now)) {
            throw BookingCore.holdExpired();
        }
        repository.move(id, hold.placement(), now);
        holds.markConfirmed(holdId, id, now);
        metrics.holds("confirmed", 1);
        var updated = row(caller, id, false).view();
        return core.record(new AppointmentEvent.Rescheduled(
                caller.tenant(), Actor.of(caller), updated, AppointmentChanged.between(current.view(), updated)));
    }

    /** What the clinic's rules let the patient change of this appointment themselves. */
    @Transactional(readOnly = true)
    public ChangePolicy policy(Caller caller, String id) {
        return policies.of(caller, row(caller, id, false));
    }

    @Transactional
    public AppointmentView confirm(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.CONFIRMED, null);
    }

    @Transactional
    public AppointmentView checkIn(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.CHECKED_IN, AppointmentEvent.CheckedIn::new);
    }

    @Transactional
    public AppointmentView noShow(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.NO_SHOW, AppointmentEvent.NoShow::new);
    }

    @Transactional
    public AppointmentView complete(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.COMPLETED, AppointmentEvent.Completed::new);
    }

    /** The appointment as an RFC 5545 calendar for the patient. */
    @Transactional(readOnly = true)
    public String calendar(Caller caller, String id) {
        var appointment = row(caller, id, false);
        var placement = appointment.placement();
        return CalendarFile.of(
                appointment,
                references.type(caller, appointment.appointmentTypeId()),
                references.clinician(caller.tenant(), placement.clinicianId()),
                references.location(caller.tenant(), placement.locationId()),
                organizations.settings(caller.tenant()).name(),
                Math.max(0, events.sequence(appointment.id()) - 1));
    }

    /** The catalogue a direct booking names, checked, with its place and time; problems are added, not thrown. */
    private Where where(Caller caller, BookAppointment command, OrganizationSettings settings, Problems problems) {
        var tenant = caller.tenant();
        var type = references.type(caller, command.appointmentTypeId(), problems);
        var schedule = references.schedule(tenant, command.scheduleId(), problems);
        String clinicianId = fromSchedule(
                problems, "clinician_id", command.clinicianId(), schedule == null ? null : schedule.clinicianId());
        String locationId = fromSchedule(
                problems, "location_id", command.locationId(), schedule == null ? null : schedule.locationId());
        boolean remote = Boolean.TRUE.equals(
                command.remote() != null ? command.remote() : schedule == null ? null : schedule.isRemote());
        problems.require("clinician_id", clinicianId);
        var clinician = references.clinician(tenant, clinicianId, problems);
        var location = references.location(tenant, locationId, problems);
        if (locationId == null && !remote) {
            problems.add("location_id", "is required unless is_remote is true");
        }
        BookingReferences.checkRoom(location, command.roomId(), problems);
        var placement = new Placement(
                clinicianId,
                locationId,
                command.roomId(),
                remote,
                zone(location, schedule, clinician, settings),
                command.start(),
                end(command, type));
        return new Where(type, placement, location);
    }

    /** Where a change puts the appointment; a start without an end keeps its length. */
    private Where moved(Tenant tenant, Placement old, ChangeAppointment change, Problems problems) {
        String clinicianId = change.gives("clinician_id") ? change.clinicianId() : old.clinicianId();
        String locationId = change.gives("location_id") ? change.locationId() : old.locationId();
        references.clinician(tenant, clinicianId, problems);
        var location = references.location(tenant, locationId, problems);
        boolean locationChanged = !Objects.equals(locationId, old.locationId());
        String roomId = change.gives("room_id") ? change.roomId() : locationChanged ? null : old.roomId();
        BookingReferences.checkRoom(location, roomId, problems);
        Instant start = change.gives("start_time") ? change.start() : old.start();
        Instant end = change.gives("end_time")
                ? change.end()
                : start == null ? null : start.plus(Duration.between(old.start(), old.end()));
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add("end_time", "must be after start_time");
        }
        var placement = new Placement(
                clinicianId,
                locationId,
                roomId,
                old.remote(),
                location != null ? ZoneId.of(location.timezone()) : old.zone(),
                start,
                end);
        return new Where(null, placement, location);
    }

    private AppointmentView transition(Caller caller, String id, AppointmentStatus next, StatusEvent event) {
        var current = row(caller, id, true);
        requireMove(current, next);
        if (!next.blocksTime()) {
            intervals.release(id);
        }
        repository.changeStatus(id, next, clock.instant());
        var updated = row(caller, id, false).view();
        return event == null
                ? updated
                : core.record(event.of(
                        caller.tenant(),
                        Actor.of(caller),
                        updated,
                        AppointmentChanged.between(current.view(), updated)));
    }

    /** How a change of status is told: one of the {@link AppointmentEvent} records' constructors. */
    @FunctionalInterface
    private interface StatusEvent {
        AppointmentEvent of(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed);
    }

    private static void requireMove(AppointmentRow current, AppointmentStatus next) {
        if (!current.status().canMoveTo(next)) {
            throw CarebookException.invalidState(
                    "An appointment that is " + current.status().wire() + " cannot become " + next.wire() + ".");
        }
    }

    /** A schedule names its clinician and location; a booking that names it may repeat them, not contradict them. */
    private static String fromSchedule(Problems problems, String field, String given, String scheduleValue) {
        if (given != null && scheduleValue != null && !given.equals(scheduleValue)) {
            problems.add(field, "differs from the schedule's");
        }
        return given != null ? given : scheduleValue;
    }

    /** The end given, or the start plus the minutes given or the type's duration. */
    private static Instant end(BookAppointment command, AppointmentTypeView type) {
        if (command.start() == null || command.end() != null) {
            return command.start() == null ? null : command.end();
        }
        int minutes = command.durationMinutes() != null
                ? command.durationMinutes()
                : type != null ? type.durationMinutes() : 1;
        return command.start().plus(Duration.ofMinutes(minutes));
    }

    private static ZoneId zone(
            LocationView location, ScheduleView schedule, ClinicianView clinician, OrganizationSettings settings) {
        if (location != null) {
            return ZoneId.of(location.timezone());
        }
        if (schedule != null) {
            return ZoneId.of(schedule.timezone());
        }
        if (clinician != null && clinician.timezone() != null) {
            return ZoneId.of(clinician.timezone());
        }
        return settings.timezone();
    }

    private AppointmentRow row(Caller caller, String id, boolean forUpdate) {
        return repository
                .find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such appointment."));
    }
}
