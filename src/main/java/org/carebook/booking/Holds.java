package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.carebook.availability.Interval;
import org.carebook.availability.Slot;
import org.carebook.availability.SlotEngine;
import org.carebook.availability.SlotFilter;
import org.carebook.availability.WorkingSchedule;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.catalog.Schedules;
import org.carebook.catalog.WorkingHours;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Ids;
import org.carebook.kernel.JsonFields;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.carebook.patient.PatientDraft;
import org.carebook.patient.Patients;
import org.carebook.events.EventLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hold-and-confirm (API.md §4): a slot kept for one visitor while they type, then turned into an appointment. */
@Service
public class Holds {

    static final String[] PLACE_FIELDS = {"appointment_type_id", "clinician_id", "location_id", "date", "start_time",
            "is_remote"};
    static final String[] CONFIRM_FIELDS = {"patient_id", "patient", "attendee_name", "attendee_email",
            "attendee_phone", "reason", "notes", "payment_mode", "insurance"};
    static final int MAX_ACTIVE_PER_BROWSER = 3;
    static final int SWEEP_BATCH = 500;

    private final HoldRepository repository;
    private final BlockingIntervals intervals;
    private final SlotFinder finder;
    private final WorkingHours workingHours;
    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final Schedules schedules;
    private final Patients patients;
    private final Appointments appointments;
    private final Organizations organizations;
    private final EventLog events;
    private final Clock clock;

    Holds(HoldRepository repository, BlockingIntervals intervals, SlotFinder finder, WorkingHours workingHours,
          AppointmentTypes types, Clinicians clinicians, Locations locations, Schedules schedules, Patients patients,
          Appointments appointments, Organizations organizations, EventLog events, Clock clock) {
        this.repository = repository;
        this.intervals = intervals;
        this.finder = finder;
        this.workingHours = workingHours;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.schedules = schedules;
        this.patients = patients;
        this.appointments = appointments;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** Whether confirming made the appointment now or found the one an earlier confirm made. */
    public sealed interface Confirmation {
        AppointmentView appointment();

        record Booked(AppointmentView appointment) implements Confirmation {
        }

        record AlreadyBooked(AppointmentView appointment) implements Confirmation {
        }
    }

    @Transactional
    public HoldView place(Caller caller, JsonFields body) {
        Instant now = clock.instant();
        var tenant = caller.tenant();
        var type = References.type(types, caller, body, body.requiredText("appointment_type_id", JsonFields.TEXT, null));
        String clinicianId = body.requiredText("clinician_id", JsonFields.TEXT, null);
        String locationId = body.text("location_id", JsonFields.TEXT, null);
        Boolean remote = body.bool("is_remote", null);
        if (locationId == null && !Boolean.TRUE.equals(remote)) {
            body.issue("location_id", "is required unless is_remote is true");
        }
        LocalDate date = body.date("date", null);
        LocalTime clockTime = date == null ? null : body.clock("start_time", null);
        Instant instant = date == null ? body.instant("start_time", null) : null;
        body.require("start_time", date == null ? instant : clockTime);
        // A local time needs the location's zone; otherwise an offered slot proves the clinician and location
        // exist in this organization, and they are looked up only to name the field when something is wrong.
        var location = date != null || !body.isValid() ? references(tenant, body, clinicianId, locationId) : null;
        body.throwIfInvalid();

        var filter = new SlotFilter(clinicianId, locationId, remote, null, caller.isPublishable());
        Instant start = date == null ? instant : resolve(tenant, date, clockTime, location, filter);
        var slot = offered(tenant, type, filter, start, now).orElseThrow(() -> {
            references(tenant, body, clinicianId, locationId);
            body.throwIfInvalid();
            return unavailable("That time is not one availability offers for this appointment type.");
        });
        if (caller.isPublishable() && repository.lockAndCountActiveFromClient(tenant, caller.ip(), now) >= MAX_ACTIVE_PER_BROWSER) {
            throw CarebookException.rateLimited("too_many_holds",
                    "This browser already holds " + MAX_ACTIVE_PER_BROWSER + " times; confirm or release one first.");
        }
        String id = Ids.next("hold");
        Instant expires = now.plus(organizations.settings(tenant).holdTtl());
        String room = intervals.claim(BlockingIntervals.Claim.of(id, type, clinicianId,
                new Interval(slot.start(), slot.end()), rooms(type, slot), null, expires, true), now);
        var hold = new HoldRepository.Row(id, tenant, type.id(), clinicianId, slot.locationId(), room, slot.scheduleId(),
                slot.remote(), slot.zone(), slot.start(), slot.end(), HoldStatus.ACTIVE, expires, null, caller.isPublishable(), now);
        repository.insert(hold, caller.ip());
        return published("hold.created", hold, now);
    }

    @Transactional(readOnly = true)
    public HoldView get(Caller caller, String id) {
        return row(caller, id, false).view(clock.instant());
    }

    @Transactional
    public HoldView release(Caller caller, String id) {
        Instant now = clock.instant();
        var hold = row(caller, id, true);
        switch (hold.status(now)) {
            case CONFIRMED -> throw CarebookException.invalidState("A confirmed hold cannot be released; cancel the appointment.");
            case ACTIVE -> {
                intervals.release(id);
                repository.markReleased(id, now);
                return published("hold.released", row(caller, id, false), now);
            }
            default -> {
                return hold.view(now);
            }
        }
    }

    @Transactional
    public Confirmation confirm(Caller caller, String id, JsonFields body) {
        Instant now = clock.instant();
        String patientId = body.text("patient_id", JsonFields.TEXT, null);
        if (patientId != null && !caller.has(Scope.READ_PATIENTS)) {
            throw CarebookException.missingScope(Scope.READ_PATIENTS);
        }
        var hold = repository.find(caller.tenant(), id, true).orElseThrow(Holds::expired);
        if (hold.status(now) == HoldStatus.CONFIRMED) {
            return new Confirmation.AlreadyBooked(appointments.fromHold(id).orElseThrow());
        }
        PatientDraft inline = body.has("patient") ? patients.readInline(caller, body, "patient") : null;
        if ((patientId == null) == (inline == null)) {
            body.issue("patient_id", "give either patient_id or patient");
        }
        if (patientId != null && !patients.exists(caller, patientId)) {
            body.issue("patient_id", "does not name an existing patient");
        }
        var details = AppointmentDetails.read(body, AppointmentDetails.NONE, organizations.settings(caller.tenant()).country());
        body.throwIfInvalid();
        if (hold.status(now) != HoldStatus.ACTIVE) {
            throw expired();
        }
        if (details.insurance() != null) {
            requireAccepted(schedules.get(caller.tenant(), hold.scheduleId()).acceptedInsurancePayers(),
                    details.insurance().payer());
        }
        String patient = patientId != null ? patientId : patients.matchOrCreate(caller, inline);
        var appointment = appointments.bookFromHold(caller, hold, patient, details, now);
        repository.markConfirmed(id, appointment.id(), now);
        return new Confirmation.Booked(appointment);
    }

    /** Marks expired holds and reports them; correctness never waits for this, it only tidies up. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        var expired = repository.markExpired(now, SWEEP_BATCH);
        expired.forEach(hold -> published("hold.expired", hold, now));
        intervals.deleteExpired(now);
        return expired.size();
    }

    static CarebookException expired() {
        return new CarebookException(404, "NOT_FOUND", "hold_expired",
                "The hold expired, was released or does not exist.", List.of());
    }

    /** The first occurrence of a local date and time in the slot's zone; a time the clock skips is no slot. */
    private Instant resolve(Tenant tenant, LocalDate date, LocalTime time, LocationView location,
                            SlotFilter filter) {
        ZoneId zone = location != null ? ZoneId.of(location.timezone()) : remoteZone(tenant, filter, date);
        return SlotEngine.resolve(date, time, zone).orElseThrow(() -> unavailable(
                "That local time does not exist on that date (the clocks change)."));
    }

    private ZoneId remoteZone(Tenant tenant, SlotFilter filter, LocalDate date) {
        return workingHours.schedules(tenant, filter.clinicianId(), null, date, date).stream()
                .filter(WorkingSchedule::remote)
                .map(WorkingSchedule::zone)
                .findFirst()
                .orElseThrow(() -> unavailable("The clinician has no remote hours that day."));
    }

    /** The slot availability would offer at that instant, ignoring appointments and holds: those are the database's to judge. */
    private Optional<Slot> offered(Tenant tenant, AppointmentTypeView type, SlotFilter filter, Instant start,
                                   Instant now) {
        LocalDate utcDate = LocalDate.ofInstant(start, ZoneOffset.UTC);
        return finder.find(tenant, type, filter, utcDate.minusDays(1), utcDate.plusDays(1), now, false)
                .stream()
                .filter(s -> s.start().equals(start))
                .findFirst();
    }

    /** Names the field of a clinician or location that is not this organization's; returns the location. */
    private LocationView references(Tenant tenant, JsonFields body, String clinicianId, String locationId) {
        References.clinician(clinicians, tenant, body, clinicianId);
        return References.location(locations, tenant, body, locationId);
    }

    /** An empty list of accepted payers takes every payer and self-pay. */
    private static void requireAccepted(List<String> accepted, String payer) {
        if (!accepted.isEmpty() && accepted.stream().noneMatch(p -> p.equalsIgnoreCase(payer.strip()))) {
            throw CarebookException.validation("insurance_not_accepted", "This clinician's schedule does not take that insurance.",
                    List.of(new FieldIssue("insurance.payer", "is not accepted for this slot")));
        }
    }

    /** The rooms an in-person hold of a type that needs one may take, in a stable order. */
    private List<String> rooms(AppointmentTypeView type, Slot slot) {
        if (!type.requiresRoom() || slot.remote() || slot.locationId() == null) {
            return List.of();
        }
        return workingHours.activeRooms(List.of(slot.locationId())).getOrDefault(slot.locationId(), List.of());
    }

    private static CarebookException unavailable(String message) {
        return CarebookException.validation("slot_unavailable", message, List.of(new FieldIssue("start_time", message)));
    }

    private HoldRepository.Row row(Caller caller, String id, boolean forUpdate) {
        return repository.find(caller.tenant(), id, forUpdate).orElseThrow(() -> CarebookException.notFound("No such hold."));
    }

    private HoldView published(String type, HoldRepository.Row hold, Instant now) {
        var view = hold.view(now);
        events.record(hold.tenant(), type, null, view);
        return view;
    }
}
