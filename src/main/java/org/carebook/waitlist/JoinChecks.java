package org.carebook.waitlist;

import org.carebook.booking.PatientChoice;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.organization.Organizations;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * What joining the waitlist checks before anything is stored: a service the caller may book (one bookable online,
 * for a browser's key), a clinician and location of this organization, and the patient as a booking checks them.
 */
@Component
class JoinChecks {

    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final Patients patients;
    private final Organizations organizations;

    JoinChecks(
            AppointmentTypes types,
            Clinicians clinicians,
            Locations locations,
            Patients patients,
            Organizations organizations) {
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.patients = patients;
        this.organizations = organizations;
    }

    /** The command with the patient as it would be stored; every problem found is added to {@code problems}. */
    JoinWaitlist check(Caller caller, JoinWaitlist command, Problems problems) {
        if (command.patient() instanceof PatientChoice.Existing && caller.isPublishable()) {
            return command; // refused by the body's reading: a browser gives the patient inline
        }
        if (command.patient() instanceof PatientChoice.Existing && !caller.has(Scope.READ_PATIENTS)) {
            throw CarebookException.missingScope(Scope.READ_PATIENTS);
        }
        if (command.patient() instanceof PatientChoice.Inline
                && !caller.isPublishable()
                && !caller.has(Scope.WRITE_PATIENTS)) {
            throw CarebookException.missingScope(Scope.WRITE_PATIENTS);
        }
        var type = exists(
                problems,
                "appointmentTypeId",
                "an appointment type",
                () -> types.get(caller, command.appointmentTypeId()));
        if (type != null && (!type.isActive() || (caller.isPublishable() && !type.allowOnlineBooking()))) {
            problems.add("appointmentTypeId", "is not a service that can be booked");
        }
        var wants = command.preferences();
        if (wants.clinicianId() != null) {
            exists(problems, "clinicianId", "a clinician", () -> clinicians.get(caller.tenant(), wants.clinicianId()));
        }
        if (wants.locationId() != null) {
            exists(problems, "locationId", "a location", () -> locations.get(caller.tenant(), wants.locationId()));
        }
        var patient = command.patient();
        if (patient instanceof PatientChoice.Inline inline) {
            patient = new PatientChoice.Inline(
                    patients.check(organizations.settings(caller.tenant()), inline.patient(), problems, "patient."));
        } else if (patient instanceof PatientChoice.Existing existing
                && !patients.exists(caller, existing.patientId())) {
            problems.add("patientId", "does not name an existing patient");
        }
        return new JoinWaitlist(patient, command.appointmentTypeId(), wants);
    }

    /** The id of the patient a checked choice names: the one on file, or the record an inline patient matched or made. */
    String patientId(Caller caller, PatientChoice checked) {
        return checked instanceof PatientChoice.Inline inline
                ? patients.matchOrCreate(caller, inline.patient())
                : ((PatientChoice.Existing) checked).patientId();
    }

    private static <T> T exists(Problems problems, String field, String what, java.util.function.Supplier<T> find) {
        try {
            return find.get();
        } catch (CarebookException e) {
            if (e.status() != 404) {
                throw e;
            }
            problems.add(field, "does not name " + what);
            return null;
        }
    }
}
