package org.carebook.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.carebook.availability.Interval;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.JsonFields;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.carebook.organization.Organizations;
import org.carebook.patient.PatientDraft;
import org.carebook.patient.Patients;
import org.carebook.events.EventLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appointments: booking by staff or from a hold, rescheduling and the status life cycle (API.md §6). */
@Service
public class Appointments {

    static final String[] CREATE_FIELDS = {"patient_id", "patient", "appointment_type_id", "clinician_id",
            "location_id", "room_id", "schedule_id", "title", "start_time", "end_time", "duration_minutes", "status",
            "reason", "notes", "payment_mode", "insurance", "is_remote", "allow_overlapping", "attendee_name",
            "attendee_email", "attendee_phone", "external_ids"};
    static final String[] UPDATE_FIELDS = {"start_time", "end_time", "clinician_id", "location_id", "room_id", "title",
            "reason", "notes", "external_ids"};
    static final String[] CANCEL_FIELDS = {"reason", "cancelled_by"};

    private static final int MAX_MINUTES = 24 * 60;

    private final AppointmentRepository repository;
    private final BlockingIntervals intervals;
    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final Schedules schedules;
    private final Patients patients;
    private final Organizations organizations;
    private final EventLog events;
    private final Clock clock;

    Appointments(AppointmentRepository repository, BlockingIntervals intervals, AppointmentTypes types,
                 Clinicians clinicians, Locations locations, Schedules schedules, Patients patients,
                 Organizations organizations, EventLog events, Clock clock) {
        this.repository = repository;
        this.intervals = intervals;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.schedules = schedules;
        this.patients = patients;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AppointmentView create(Caller caller, JsonFields body) {
        Instant now = clock.instant();
        var tenant = caller.tenant();
        String country = organizations.settings(tenant).country();
        String patientId = body.text("patient_id", JsonFields.TEXT, null);
        PatientDraft inline = body.has("patient") ? patients.readInline(caller, body, "patient") : null;
        if ((patientId == null) == (inline == null)) {
            body.issue("patient_id", "give either patient_id or patient");
        }
        if (inline != null && !caller.has(Scope.WRITE_PATIENTS)) {
            throw CarebookException.missingScope(Scope.WRITE_PATIENTS);
        }
        var type = References.type(types, caller, body, body.requiredText("appointment_type_id", JsonFields.TEXT, null));
        var schedule = References.schedule(schedules, tenant, body, body.text("schedule_id", JsonFields.TEXT, null));
        String clinicianId = fromSchedule(body, "clinician_id", schedule == null ? null : schedule.clinicianId());
        String locationId = fromSchedule(body, "location_id", schedule == null ? null : schedule.locationId());
        Boolean remote = body.bool("is_remote", schedule == null ? null : schedule.isRemote());
        body.require("clinician_id", clinicianId);
        var clinician = References.clinician(clinicians, tenant, body, clinicianId);
        var location = References.location(locations, tenant, body, locationId);
        boolean isRemote = Boolean.TRUE.equals(remote);
        if (locationId == null && !isRemote) {
            body.issue("location_id", "is required unless is_remote is true");
        }
        String roomId = References.room(body, location, body.text("room_id", JsonFields.TEXT, null));
        if (patientId != null && !patients.exists(caller, patientId)) {
            body.issue("patient_id", "does not name an existing patient");
        }
        Instant start = body.instant("start_time", null);
        body.require("start_time", start);
        Instant end = end(body, start, type);
        var status = AppointmentStatus.fromWire(body.choice("status", Set.of("confirmed", "pending"), "confirmed"));
        boolean overlapping = body.requiredBool("allow_overlapping", false);
        var details = AppointmentDetails.read(body, AppointmentDetails.NONE, country);
        body.throwIfInvalid();

        var placement = new AppointmentRepository.Placement(clinicianId, locationId, roomId, isRemote,
                zone(location, schedule, clinician, tenant), start, end);
        String patient = patientId != null ? patientId : patients.matchOrCreate(caller, inline);
        String id = Ids.next("apt");
        String room = intervals.claim(claim(id, type, placement, roomCandidates(type, placement, location), patient,
                !overlapping), now);
        var row = new AppointmentRepository.Row(id, tenant, status, patient, type.id(), placement.withRoom(room), details,
                null, caller.isPublishable() ? "widget" : "api", overlapping, null, null, null, null, now, now);
        repository.insert(row);
        return published("appointment.created", row);
    }

    @Transactional(readOnly = true)
    public AppointmentView get(Caller caller, String id) {
        return row(caller, id, false).view();
    }

    @Transactional(readOnly = true)
    public ListPage<AppointmentView> list(Caller caller, AppointmentRepository.Filter filter, PageRequest page) {
        return ListPage.of(repository.page(caller.tenant(), filter, page), page,
                r -> new PageRequest.Position(r.placement().start(), r.id()), AppointmentRepository.Row::view);
    }

    /** Changes details, and reschedules in one guarded step when time, clinician, location or room change. */
    @Transactional
    public AppointmentView update(Caller caller, String id, JsonFields body) {
        Instant now = clock.instant();
        var current = row(caller, id, true);
        var tenant = caller.tenant();
        var old = current.placement();
        String clinicianId = body.requiredText("clinician_id", JsonFields.TEXT, old.clinicianId());
        String locationId = body.text("location_id", JsonFields.TEXT, old.locationId());
        var clinician = References.clinician(clinicians, tenant, body, clinicianId);
        var location = References.location(locations, tenant, body, locationId);
        boolean locationChanged = !java.util.Objects.equals(locationId, old.locationId());
        String roomId = References.room(body, location,
                body.text("room_id", JsonFields.TEXT, locationChanged ? null : old.roomId()));
        Instant start = body.instant("start_time", old.start());
        Instant end = body.has("end_time") ? body.instant("end_time", old.end())
                : start == null ? null : start.plus(Duration.between(old.start(), old.end())); // null: start_time was refused
        if (end != null && start != null && !end.isAfter(start)) {
            body.issue("end_time", "must be after start_time");
        }
        var details = AppointmentDetails.read(body, current.details(), organizations.settings(tenant).country());
        body.throwIfInvalid();

        var placement = new AppointmentRepository.Placement(clinicianId, locationId, roomId, old.remote(),
                location != null ? ZoneId.of(location.timezone()) : old.zone(), start, end);
        if (!placement.equals(old)) {
            if (!current.status().isUpcoming()) {
                throw CarebookException.invalidState("Only a pending or confirmed appointment can be rescheduled.");
            }
            var type = types.get(caller, current.appointmentTypeId());
            var room = roomId != null ? roomId : autoRoom(type, placement, location, id, now);
            var moved = placement.withRoom(room);
            intervals.move(claim(id, type, moved, room == null ? List.of() : List.of(room), current.patientId(), !current.allowOverlapping()), room, now);
            repository.move(id, moved, now);
        }
        repository.describe(id, details, now);
        var updated = row(caller, id, false);
        if (!placement.equals(old)) {
            publish("appointment.rescheduled", updated);
        }
        return updated.view();
    }

    @Transactional
    public AppointmentView cancel(Caller caller, String id, JsonFields body) {
        String reason = body.text("reason", JsonFields.TEXT, null);
        String by = body.choice("cancelled_by", Set.of("patient", "clinic"), "clinic");
        body.throwIfInvalid();
        var current = row(caller, id, true);
        if (current.status() == AppointmentStatus.CANCELLED) {
            return current.view();
        }
        requireMove(current, AppointmentStatus.CANCELLED);
        intervals.release(id);
        repository.cancel(id, reason, by, clock.instant());
        return published("appointment.cancelled", row(caller, id, false));
    }

    @Transactional
    public AppointmentView confirm(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.CONFIRMED, null);
    }

    @Transactional
    public AppointmentView checkIn(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.CHECKED_IN, "appointment.checked_in");
    }

    @Transactional
    public AppointmentView noShow(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.NO_SHOW, "appointment.no_show");
    }

    @Transactional
    public AppointmentView complete(Caller caller, String id) {
        return transition(caller, id, AppointmentStatus.COMPLETED, "appointment.completed");
    }

    /** The appointment as an RFC 5545 calendar for the patient. */
    @Transactional(readOnly = true)
    public String calendar(Caller caller, String id) {
        var appointment = row(caller, id, false);
        var type = types.get(caller, appointment.appointmentTypeId());
        var clinician = clinicians.get(caller.tenant(), appointment.placement().clinicianId());
        var location = appointment.placement().locationId() == null ? null
                : locations.get(caller.tenant(), appointment.placement().locationId());
        return CalendarFile.of(appointment, type, clinician, location, organizations.settings(caller.tenant()).name(),
                Math.max(0, events.sequence(appointment.id()) - 1));
    }

    /** Books the time a hold already blocks, handing its blocking interval to the new appointment. */
    AppointmentView bookFromHold(Caller caller, HoldRepository.Row hold, String patientId, AppointmentDetails details,
                                 Instant now) {
        String id = Ids.next("apt");
        var placement = new AppointmentRepository.Placement(hold.clinicianId(), hold.locationId(), hold.roomId(),
                hold.remote(), hold.zone(), hold.start(), hold.end());
        var row = new AppointmentRepository.Row(id, caller.tenant(), AppointmentStatus.CONFIRMED, patientId,
                hold.appointmentTypeId(), placement, details, hold.id(), caller.isPublishable() ? "widget" : "api", false,
                null, null, null, null, now, now);
        if (!intervals.transfer(hold.id(), id, patientId, now)) {
            throw Holds.expired();
        }
        repository.insert(row);
        return published("appointment.created", row);
    }

    Optional<AppointmentView> fromHold(String holdId) {
        return repository.findByHold(holdId).map(AppointmentRepository.Row::view);
    }

    static BlockingIntervals.Claim claim(String ownerId, AppointmentTypeView type, AppointmentRepository.Placement placement,
                                         List<String> rooms, String patientId, boolean exclusive) {
        return BlockingIntervals.Claim.of(ownerId, type, placement.clinicianId(),
                new Interval(placement.start(), placement.end()), rooms, patientId, null, exclusive);
    }

    private AppointmentView transition(Caller caller, String id, AppointmentStatus next, String event) {
        var current = row(caller, id, true);
        requireMove(current, next);
        if (!next.blocksTime()) {
            intervals.release(id);
        }
        repository.changeStatus(id, next, clock.instant());
        var updated = row(caller, id, false);
        return event == null ? updated.view() : published(event, updated);
    }

    private static void requireMove(AppointmentRepository.Row current, AppointmentStatus next) {
        if (!current.status().canMoveTo(next)) {
            throw CarebookException.invalidState("An appointment that is " + current.status().wire()
                    + " cannot become " + next.wire() + ".");
        }
    }

    /** A type that needs a room, booked in person without one, takes the first room of the location that is free. */
    private String autoRoom(AppointmentTypeView type, AppointmentRepository.Placement placement, LocationView location,
                            String ownerId, Instant now) {
        var candidates = roomCandidates(type, placement, location);
        if (candidates.isEmpty()) {
            return null;
        }
        var claim = claim(ownerId, type, placement, candidates, null, true);
        return intervals.freeRooms(candidates, claim.blocked(), ownerId, now).stream().findFirst()
                .orElseThrow(BlockingIntervals.SLOT_TAKEN);
    }

    /** The rooms a booking may take: the one named, or every active room when the type needs one in person. */
    private static List<String> roomCandidates(AppointmentTypeView type, AppointmentRepository.Placement placement,
                                               LocationView location) {
        if (placement.roomId() != null) {
            return List.of(placement.roomId());
        }
        if (!type.requiresRoom() || placement.remote() || location == null) {
            return List.of();
        }
        var rooms = location.rooms().stream().filter(LocationView.RoomView::isActive).map(LocationView.RoomView::id).toList();
        if (rooms.isEmpty()) {
            throw CarebookException.conflict("slot_taken", "No room of that location can take this appointment.");
        }
        return rooms;
    }

    private static String fromSchedule(JsonFields body, String field, String scheduleValue) {
        String given = body.text(field, JsonFields.TEXT, null);
        if (given != null && scheduleValue != null && !given.equals(scheduleValue)) {
            body.issue(field, "differs from the schedule's");
        }
        return given != null ? given : scheduleValue;
    }

    private static Instant end(JsonFields body, Instant start, AppointmentTypeView type) {
        Instant end = body.instant("end_time", null);
        Integer minutes = body.integer("duration_minutes", 1, MAX_MINUTES, null);
        if (end != null && minutes != null) {
            body.issue("duration_minutes", "give end_time or duration_minutes, not both");
        }
        if (start == null) {
            return null;
        }
        if (end != null) {
            if (!end.isAfter(start)) {
                body.issue("end_time", "must be after start_time");
            }
            return end;
        }
        int duration = minutes != null ? minutes : type != null ? type.durationMinutes() : 1;
        return start.plus(Duration.ofMinutes(duration));
    }

    private ZoneId zone(LocationView location, ScheduleView schedule, ClinicianView clinician,
                        org.carebook.kernel.Tenant tenant) {
        if (location != null) {
            return ZoneId.of(location.timezone());
        }
        if (schedule != null) {
            return ZoneId.of(schedule.timezone());
        }
        if (clinician != null && clinician.timezone() != null) {
            return ZoneId.of(clinician.timezone());
        }
        return organizations.settings(tenant).timezone();
    }

    private AppointmentRepository.Row row(Caller caller, String id, boolean forUpdate) {
        return repository.find(caller.tenant(), id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such appointment."));
    }

    private AppointmentView published(String type, AppointmentRepository.Row row) {
        publish(type, row);
        return row.view();
    }

    private void publish(String type, AppointmentRepository.Row row) {
        events.record(row.tenant(), type, row.id(), row.view());
    }
}
