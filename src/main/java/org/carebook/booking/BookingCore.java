package org.carebook.booking;

import java.time.Instant;
import java.util.List;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.ScheduleView;
import org.carebook.events.EventLog;
import org.carebook.kernel.Actor;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Channel;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Ids;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * The one way an appointment comes to be, whether a hold is confirmed or staff book directly: the patient
 * is checked and found or made, the time is taken under the database's exclusion constraints (claimed, or
 * handed over from the hold that blocks it), the row is written and {@code appointment.created} recorded,
 * all in the caller's transaction.
 */
@Component
class BookingCore {

    private final AppointmentRepository appointments;
    private final BlockingIntervals intervals;
    private final Patients patients;
    private final EventLog events;
    private final BookingMetrics metrics;
    private final HoldRepository holds;
    private final GroupSeats seats;

    BookingCore(
            AppointmentRepository appointments,
            BlockingIntervals intervals,
            Patients patients,
            EventLog events,
            BookingMetrics metrics,
            HoldRepository holds,
            GroupSeats seats) {
        this.holds = holds;
        this.seats = seats;
        this.appointments = appointments;
        this.intervals = intervals;
        this.patients = patients;
        this.events = events;
        this.metrics = metrics;
    }

    /** The patient choice as it would be stored, with what is wrong with it added to {@code problems}. */
    PatientChoice check(Caller caller, PatientChoice choice, OrganizationSettings settings, Problems problems) {
        if (choice instanceof PatientChoice.Inline inline) {
            return new PatientChoice.Inline(patients.check(settings, inline.patient(), problems, "patient."));
        }
        if (choice instanceof PatientChoice.Existing existing && !patients.exists(caller, existing.patientId())) {
            problems.add("patientId", "does not name an existing patient");
        }
        return choice;
    }

    /** The id of the patient a checked choice names: the one on file, or the record an inline patient matched or made. */
    String patientId(Caller caller, PatientChoice checked) {
        return checked instanceof PatientChoice.Inline inline
                ? patients.matchOrCreate(caller, inline.patient())
                : ((PatientChoice.Existing) checked).patientId();
    }

    /**
     * Whether this booking is past the patient's limit of upcoming bookings, and allowed so: staff book
     * deliberately, and a secret key may say it overrides the limit; anyone else is refused. The patient's
     * row is locked first, so two bookings at once cannot both count below the limit.
     */
    boolean checkLimit(Caller caller, String patientId, OrganizationSettings settings, boolean override, Instant now) {
        return checkLimit(caller, patientId, settings, override, 1, now);
    }

    /** As for one booking, for {@code adding} appointments booked together (a series). */
    boolean checkLimit(
            Caller caller, String patientId, OrganizationSettings settings, boolean override, int adding, Instant now) {
        Integer max = settings.maxActiveBookingsPerPatient();
        if (max == null) {
            return false;
        }
        patients.lockForBooking(caller.tenant(), patientId);
        if (appointments.countUpcoming(patientId, now) + adding <= max) {
            return false;
        }
        if (caller.kind() == KeyKind.STAFF || (caller.kind() == KeyKind.SECRET && override)) {
            return true;
        }
        if (caller.kind() == KeyKind.SECRET) {
            throw CarebookException.conflict(
                    "booking_limit_reached",
                    (adding == 1
                                    ? "The patient already has " + max
                                            + " upcoming appointments, the organization's limit"
                                    : "These " + adding + " appointments would take the patient past the organization's"
                                            + " limit of " + max + " upcoming appointments")
                            + "; send \"override_booking_limit\": true to book anyway.");
        }
        String call = settings.phone() == null
                ? "Please contact the clinic to book another."
                : "Please call the clinic on " + settings.phone() + " to book another.";
        throw CarebookException.conflict(
                "booking_limit_reached",
                "You already have " + max + " upcoming appointments, the most that can be booked online. " + call);
    }

    /**
     * Refuses insurance the schedule does not take: the booking's own, else the one on the patient's record. An
     * empty list of accepted payers takes every payer and self-pay.
     */
    void checkInsurance(Tenant tenant, ScheduleView schedule, String patientId, AppointmentDetails details) {
        var accepted = schedule.acceptedInsurancePayers();
        if (accepted.isEmpty()) {
            return;
        }
        var insurance = details.insurance() != null
                ? details.insurance()
                : patients.insuranceOnFile(tenant, patientId).orElse(null);
        if (insurance != null
                && insurance.payer() != null
                && accepted.stream()
                        .noneMatch(p -> p.equalsIgnoreCase(insurance.payer().strip()))) {
            throw CarebookException.validation(
                    "insurance_not_accepted",
                    "This clinician's schedule does not take that insurance.",
                    List.of(new FieldIssue("insurance.payer", "is not accepted for this slot")));
        }
    }

    /** Books the time a hold blocks, handing its blocking interval to the new appointment. */
    AppointmentView bookHeldTime(
            Caller caller,
            HoldRepository.Row hold,
            String patientId,
            AppointmentDetails details,
            boolean limitOverridden,
            AppointmentStatus status,
            Instant now) {
        String id = Ids.next("apt");
        var handed = intervals.transfer(hold.id(), id, patientId, now).orElseThrow(BookingCore::holdExpired);
        return insert(
                caller,
                Appointment.booked(
                        id,
                        caller.tenant(),
                        status,
                        patientId,
                        hold.appointmentTypeId(),
                        hold.placement(),
                        details,
                        hold.id(),
                        source(caller),
                        null,
                        handed.sessionId(),
                        false,
                        limitOverridden,
                        now));
    }

    /**
     * Books free time: claims it, with a room when the type needs one, unless the database finds it taken.
     * {@code series} places an occurrence in its series; null for an appointment booked alone.
     */
    AppointmentView bookNewTime(
            Caller caller,
            Placements.Where where,
            String patientId,
            BookAppointment command,
            AppointmentDetails details,
            boolean limitOverridden,
            Appointment.SeriesPlace series,
            Instant now) {
        String id = Ids.next("apt");
        var type = where.type();
        var placement = where.placement();
        var rooms = placement.roomsFor(type, where.location());
        String sessionId = null;
        if (type.capacity() > 1) {
            var session = seats.take(caller.tenant(), type, placement, rooms, id, patientId, null, now)
                    .orElseThrow(BlockingIntervals.SLOT_TAKEN);
            sessionId = session.id();
            placement = session.placement();
        } else {
            String room =
                    intervals.claim(placement.claim(id, type, rooms, patientId, !command.allowOverlapping()), now);
            placement = placement.withRoom(room);
        }
        return insert(
                caller,
                Appointment.booked(
                        id,
                        caller.tenant(),
                        command.status(),
                        patientId,
                        type.id(),
                        placement,
                        details,
                        null,
                        source(caller),
                        series,
                        sessionId,
                        sessionId == null && command.allowOverlapping(),
                        limitOverridden,
                        now));
    }

    /** Where an appointment moved to, and the class session whose place it now takes (null but for a class). */
    record Moved(Placement placement, String sessionId) {}

    /**
     * Moves an appointment's blocking interval; a type that needs a room takes the first free one if none is named.
     * A place in a class gives up its seat and takes one in the session at the new time, in the same transaction,
     * so a move that finds no place leaves it where it was.
     */
    Moved move(Appointment current, AppointmentTypeView type, Placement placement, LocationView location, Instant now) {
        if (current.sessionId() != null) {
            seats.release(current.tenant(), current.id(), now);
            var session = seats.take(
                            current.tenant(),
                            type,
                            placement,
                            placement.roomsFor(type, location),
                            current.id(),
                            current.patientId(),
                            null,
                            now)
                    .orElseThrow(BlockingIntervals.SLOT_TAKEN);
            return new Moved(session.placement(), session.id());
        }
        var candidates = placement.roomsFor(type, location);
        var free = placement.claim(current.id(), type, candidates, null, true);
        String room = placement.roomId() != null || candidates.isEmpty()
                ? placement.roomId()
                : intervals.freeRooms(candidates, free.blocked(), current.id(), now).stream()
                        .findFirst()
                        .orElseThrow(BlockingIntervals.SLOT_TAKEN);
        var moved = placement.withRoom(room);
        var rooms = room == null ? List.<String>of() : List.of(room);
        intervals.move(
                moved.claim(current.id(), type, rooms, current.patientId(), !current.allowOverlapping()), room, now);
        return new Moved(moved, null);
    }

    /** The active hold an appointment is to move onto, of its own type; else why not. */
    HoldRepository.Row heldFor(Caller caller, Appointment current, String holdId, Instant now) {
        var hold = holds.find(caller.tenant(), holdId, true)
                .filter(h -> h.status(now) == HoldStatus.ACTIVE)
                .orElseThrow(BookingCore::holdExpired);
        if (!hold.appointmentTypeId().equals(current.appointmentTypeId())) {
            throw CarebookException.validation(
                    "hold_mismatch",
                    "The hold is for another appointment type.",
                    List.of(FieldIssue.at("holdId", "is for another appointment type")));
        }
        return hold;
    }

    /**
     * Hands the hold's time to the appointment: its own time is given up only as the hold's is taken over, so an
     * expired hold leaves it where it was. Answers the appointment's new place (a class's hold brings its seat).
     */
    Moved takeOver(HoldRepository.Row hold, Appointment current, Instant now) {
        seats.release(current.tenant(), current.id(), now);
        var handed = intervals
                .transfer(hold.id(), current.id(), current.patientId(), now)
                .orElseThrow(BookingCore::holdExpired);
        holds.markConfirmed(hold.id(), current.id(), now);
        metrics.holds("confirmed", 1);
        return new Moved(hold.placement(), handed.sessionId());
    }

    /** The appointment a confirmed hold's time went to: booked by an earlier confirm, or moved onto it. */
    java.util.Optional<AppointmentView> bookedFrom(HoldRepository.Row hold) {
        return appointments.find(hold.tenant(), hold.appointmentId(), false).map(Appointment::view);
    }

    AppointmentView record(AppointmentEvent event) {
        events.record(event);
        return event.appointment();
    }

    void recordSeries(SeriesEvent event) {
        events.record(event);
    }

    /** Gives up an appointment's time, and its seat in a class. */
    void release(Tenant tenant, String appointmentId, Instant now) {
        seats.release(tenant, appointmentId, now);
    }

    static CarebookException holdExpired() {
        return new CarebookException(
                404, "NOT_FOUND", "hold_expired", "The hold expired, was released or does not exist.", List.of());
    }

    private AppointmentView insert(Caller caller, Appointment row) {
        appointments.insert(row);
        metrics.booked(caller);
        return record(new AppointmentEvent.Booked(row.tenant(), Actor.of(caller), row.view(), List.of()));
    }

    /** Where a booking came from; a patient's link makes one only when it takes a time the waitlist offered. */
    private static String source(Caller caller) {
        return switch (caller.kind()) {
            case PATIENT -> "waitlist";
            case PUBLISHABLE -> "widget";
            case STAFF -> "console";
            case SECRET -> caller.channel() == Channel.FHIR ? "fhir" : "api";
        };
    }
}
