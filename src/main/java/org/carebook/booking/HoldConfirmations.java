package org.carebook.booking;

import java.time.Instant;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Turns a held time into an appointment through the booking core; a second confirm finds the first's. An online
 * booking the clinic approves first is pending, and keeps the time as any booking does.
 */
@Component
class HoldConfirmations {

    private final HoldRepository repository;
    private final BookingCore core;
    private final BookingReferences references;
    private final Organizations organizations;
    private final HoldLog log;
    private final ApprovalPolicy approval;

    HoldConfirmations(
            HoldRepository repository,
            BookingCore core,
            BookingReferences references,
            Organizations organizations,
            HoldLog log,
            ApprovalPolicy approval) {
        this.approval = approval;
        this.repository = repository;
        this.core = core;
        this.references = references;
        this.organizations = organizations;
        this.log = log;
    }

    Holds.Confirmation confirm(Caller caller, String id, ConfirmHold command, Problems problems, Instant now) {
        if (command.patient() instanceof PatientChoice.Existing && !caller.has(Scope.READ_PATIENTS)) {
            throw CarebookException.missingScope(Scope.READ_PATIENTS);
        }
        var hold = repository.find(caller.tenant(), id, true).orElseThrow(BookingCore::holdExpired);
        if (hold.status(now) == HoldStatus.CONFIRMED) {
            return new Holds.Confirmation.AlreadyBooked(core.bookedFrom(hold).orElseThrow());
        }
        var settings = organizations.settings(caller.tenant());
        var patient = core.check(caller, command.patient(), settings, problems);
        var details = command.details().checked(settings.country(), problems);
        problems.throwIfAny();
        if (hold.status(now) != HoldStatus.ACTIVE) {
            throw BookingCore.holdExpired();
        }
        String patientId = core.patientId(caller, patient);
        if (hold.scheduleId() != null) {
            core.checkInsurance(
                    caller.tenant(), references.schedule(caller.tenant(), hold.scheduleId()), patientId, details);
        }
        boolean overridden = core.checkLimit(caller, patientId, settings, command.overrideBookingLimit(), now);
        var status = approval.statusOfOnlineBooking(caller, hold.appointmentTypeId(), patientId, settings);
        var appointment = core.bookHeldTime(caller, hold, patientId, details, overridden, status, now);
        repository.markConfirmed(id, appointment.id(), now);
        log.confirmed();
        return new Holds.Confirmation.Booked(appointment);
    }

    /**
     * Books a hold the server placed for {@code patientId} (a waitlist offer the patient accepted), within the
     * patient's booking limit; a second call finds the first's appointment.
     */
    AppointmentView confirmFor(Caller caller, String id, String patientId, Instant now) {
        var hold = repository.find(caller.tenant(), id, true).orElseThrow(BookingCore::holdExpired);
        if (hold.status(now) == HoldStatus.CONFIRMED) {
            return core.bookedFrom(hold).orElseThrow();
        }
        if (hold.status(now) != HoldStatus.ACTIVE) {
            throw BookingCore.holdExpired();
        }
        var settings = organizations.settings(caller.tenant());
        core.checkLimit(caller, patientId, settings, false, now);
        var appointment = core.bookHeldTime(
                caller, hold, patientId, AppointmentDetails.NONE, false, AppointmentStatus.CONFIRMED, now);
        repository.markConfirmed(id, appointment.id(), now);
        log.confirmed();
        return appointment;
    }
}
