package org.carebook.fhir;

import java.util.List;
import org.carebook.audit.AuditLog;
import org.carebook.booking.AppointmentDetails;
import org.carebook.booking.Appointments;
import org.carebook.booking.Availability;
import org.carebook.booking.CancelAppointment;
import org.carebook.booking.ChangeAppointment;
import org.carebook.booking.ConfirmHold;
import org.carebook.booking.HoldView;
import org.carebook.booking.Holds;
import org.carebook.booking.PlaceHold;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Channel;
import org.carebook.kernel.Problems;
import org.hl7.fhir.r4.model.Appointment;
import org.springframework.stereotype.Component;

/**
 * The scheduling operations on Carebook's own commands: {@code $hold} places a hold, {@code $book} confirms one
 * (or holds and confirms a proposed appointment at once), moves or cancels an appointment. Nothing here decides
 * whether a time is free: the booking facades and the database's constraints do, as for {@code /v1}.
 */
@Component
class Scheduling {

    /** The appointment as booked, and whether this request made it (201) or found it made already (200). */
    record Booked(Appointment appointment, boolean created) {}

    /** The statuses a client may give an appointment it asks to book (IHE lets it say what it wants). */
    private static final java.util.Set<Appointment.AppointmentStatus> BOOKABLE = java.util.EnumSet.of(
            Appointment.AppointmentStatus.PROPOSED,
            Appointment.AppointmentStatus.PENDING,
            Appointment.AppointmentStatus.BOOKED);

    private final Holds holds;
    private final Appointments appointments;
    private final Schedules schedules;
    private final SlotSearch slots;
    private final Clinicians clinicians;
    private final FhirAudit audit;

    Scheduling(
            Holds holds,
            Appointments appointments,
            Schedules schedules,
            SlotSearch slots,
            Clinicians clinicians,
            FhirAudit audit) {
        this.holds = holds;
        this.appointments = appointments;
        this.schedules = schedules;
        this.slots = slots;
        this.clinicians = clinicians;
        this.audit = audit;
    }

    /**
     * An appointment; a hold as a pending one while it keeps its time; a proposal (named by its slot) while the
     * slot is free.
     */
    Appointment read(Caller caller, String fhirId) {
        var slot = SlotId.parse(fhirId);
        if (slot.isPresent()) {
            return slots.slot(caller, slot.get())
                    .filter(Availability.GridSlot::free)
                    .map(g -> SchedulingResources.proposed(g.slot(), null))
                    .orElseThrow(() -> new CarebookException(
                            410, "GONE", "proposal_gone", "That time is no longer free.", List.of()));
        }
        var holdId = FhirIds.fromFhir(fhirId, "hold");
        if (holdId.isPresent()) {
            var hold = holds.get(caller, holdId.get());
            if (hold.status() != org.carebook.booking.HoldStatus.ACTIVE) {
                throw gone(hold);
            }
            return SchedulingResources.pending(hold);
        }
        return slots.appointment(caller.tenant(), appointments.get(caller, FhirIds.carebookId(fhirId, "apt")));
    }

    /**
     * Free slots as proposed appointments: soonest first, or, when practitioners are named in order of
     * preference (IHE), the first one's soonest, then the next one's.
     */
    List<Appointment> find(Caller caller, OperationParameters parameters) {
        var query = parameters.query();
        var range = new FhirQuery.Range(
                query.range("start").from(), query.range("end").until());
        String type = query.tokenId("service-type", "type");
        String patientId = query.referencedId("patient", "Patient", "pat");
        int count = query.count(20, 100);
        var found = new java.util.ArrayList<Appointment>();
        for (String clinician : parameters.clinicians(caller, clinicians)) {
            if (found.size() >= count) {
                break;
            }
            var theirs = new java.util.ArrayList<Availability.GridSlot>();
            for (String location : parameters.locations()) {
                var criteria = new SlotSearch.Criteria(null, clinician, location, type, range.from(), range.until());
                slots.slots(caller, criteria).stream()
                        .filter(Availability.GridSlot::free)
                        .forEach(theirs::add);
            }
            theirs.sort(java.util.Comparator.comparing(g -> g.slot().start()));
            theirs.stream()
                    .limit(count - found.size())
                    .map(g -> SchedulingResources.proposed(g.slot(), patientId))
                    .forEach(found::add);
        }
        audit.record(caller, AuditLog.Action.SEARCH, "find", List.of());
        return found;
    }

    Appointment hold(Caller caller, AppointmentInput input) {
        var hold = holds.place(caller.through(Channel.FHIR), placement(caller, input), new Problems());
        audit.record(caller, AuditLog.Action.CREATE, "hold", List.of(hold.id()));
        return SchedulingResources.pending(hold);
    }

    /** Books, moves or cancels, and audits what it did to which appointment (or hold, when one is let go). */
    Booked book(Caller caller, AppointmentInput input) {
        var booked = bookOrChange(caller.through(Channel.FHIR), input);
        String id = booked.appointment().getIdElement().getIdPart();
        audit.record(
                caller,
                booked.created() ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE,
                "book",
                List.of(FhirIds.fromFhir(id, "apt")
                        .or(() -> FhirIds.fromFhir(id, "hold"))
                        .orElse(id)));
        return booked;
    }

    private Booked bookOrChange(Caller caller, AppointmentInput input) {
        var id = input.id();
        if (id.isEmpty() || SlotId.parse(id.get()).isPresent()) {
            return bookProposed(caller, input);
        }
        var holdId = FhirIds.fromFhir(id.get(), "hold");
        if (holdId.isPresent() && input.cancels()) {
            return new Booked(SchedulingResources.released(holds.release(caller, holdId.get())), false);
        }
        if (holdId.isPresent()) {
            return confirm(caller, holdId.get(), input);
        }
        String appointmentId = FhirIds.carebookId(id.get(), "apt");
        if (input.cancels()) {
            var cancelled = appointments.cancel(
                    caller,
                    appointmentId,
                    new CancelAppointment(input.cancellationReason(), CancelAppointment.By.CLINIC));
            return new Booked(slots.appointment(caller.tenant(), cancelled), false);
        }
        return new Booked(slots.appointment(caller.tenant(), reschedule(caller, appointmentId, input)), false);
    }

    /** Holds the proposed time and books it; a booking that fails lets the time go again at once. */
    private Booked bookProposed(Caller caller, AppointmentInput input) {
        var status = input.appointment().getStatus();
        if (status != null && !BOOKABLE.contains(status)) {
            throw FhirQuery.invalid(
                    "appointment.status", "must be proposed, pending or booked for an appointment not yet made");
        }
        var patient = input.patient(); // refused before any time is held
        var hold = holds.place(caller, placement(caller, input), new Problems());
        try {
            var booked =
                    holds.confirm(caller, hold.id(), new ConfirmHold(patient, input.details(), false), new Problems());
            return new Booked(slots.appointment(caller.tenant(), booked.appointment()), true);
        } catch (RuntimeException e) {
            holds.release(caller, hold.id());
            throw e;
        }
    }

    private Booked confirm(Caller caller, String holdId, AppointmentInput input) {
        var confirmation =
                holds.confirm(caller, holdId, new ConfirmHold(input.patient(), input.details(), false), new Problems());
        return new Booked(
                slots.appointment(caller.tenant(), confirmation.appointment()),
                confirmation instanceof Holds.Confirmation.Booked);
    }

    private org.carebook.booking.AppointmentView reschedule(Caller caller, String id, AppointmentInput input) {
        if (input.start() == null) {
            throw FhirQuery.invalid("appointment.start", "is required to move an appointment");
        }
        var given = input.end() == null ? java.util.Set.of("startTime") : java.util.Set.of("startTime", "endTime");
        var change =
                new ChangeAppointment(given, input.start(), input.end(), null, null, null, AppointmentDetails.NONE);
        return appointments.change(caller, id, change, new Problems());
    }

    /** Where and when to hold: the slot named, or the practitioner, location, type and start given. */
    private PlaceHold placement(Caller caller, AppointmentInput input) {
        var slot = input.slot();
        if (slot.isPresent()) {
            var schedule = schedules.get(caller.tenant(), slot.get().scheduleId());
            return new PlaceHold(
                    slot.get().appointmentTypeId(),
                    schedule.clinicianId(),
                    schedule.locationId(),
                    schedule.isRemote(),
                    new PlaceHold.Start.At(slot.get().start()));
        }
        var problems = new Problems();
        var type = input.appointmentType();
        var clinician = input.participant("Practitioner", "clin");
        problems.require("appointment.serviceType", type.orElse(null));
        problems.require("appointment.participant", clinician.orElse(null));
        problems.require("appointment.start", input.start());
        problems.throwIfAny();
        var location = input.participant("Location", "loc");
        return new PlaceHold(
                type.get(),
                clinician.get(),
                location.orElse(null),
                location.isEmpty(),
                new PlaceHold.Start.At(input.start()));
    }

    private static CarebookException gone(HoldView hold) {
        String why = switch (hold.status()) {
            case CONFIRMED -> "was booked as Appointment/" + FhirIds.toFhir(hold.appointmentId());
            case RELEASED -> "was released";
            default -> "expired";
        };
        return new CarebookException(410, "GONE", "hold_gone", "This hold " + why + ".", List.of());
    }
}
