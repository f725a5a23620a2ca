package org.carebook.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.carebook.booking.AppointmentDetails;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.booking.ChangeAppointment;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.patient.PatientView;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/** Reads an appointment for its page, and changes its notes, payment mode and insurance through the facade. */
@Component
class AppointmentSheets {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final Set<String> DETAILS = Set.of("notes", "paymentMode", "insurance");

    private final Appointments appointments;
    private final Patients patients;
    private final Catalogue catalogue;

    AppointmentSheets(Appointments appointments, Patients patients, Catalogue catalogue) {
        this.appointments = appointments;
        this.patients = patients;
        this.catalogue = catalogue;
    }

    /** The page; a limited viewer is refused another clinician's appointment before anything of it is read. */
    AppointmentSheet sheet(Caller caller, Viewer viewer, String id, String back, String problem) {
        var a = appointments.get(caller, id);
        if (!viewer.seesPatientsOf(a.clinicianId())) {
            throw CarebookException.forbidden(
                    "not_your_patient", "This appointment is with another clinician.", List.of());
        }
        ZoneId zone = ZoneId.of(catalogue.location(caller, a.locationId()).timezone());
        var patient = patients.several(caller, List.of(a.patientId())).stream()
                .findFirst()
                .map(p -> p.firstName() + " " + p.lastName())
                .orElse("Patient");
        var insurance = a.insurance() == null ? new PatientView.Insurance(null, null, null) : a.insurance();
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        return new AppointmentSheet(
                paths.appointment(id),
                back,
                patient,
                paths.patient(a.patientId()),
                catalogue.type(caller, a.appointmentTypeId()).name(),
                WHEN.format(a.startTime().atZoneSameInstant(zone)),
                catalogue.clinician(caller, a.clinicianId()).name(),
                status(a),
                FormText.shown(a.notes()),
                FormText.shown(a.paymentMode()),
                FormText.shown(insurance.payer()),
                FormText.shown(insurance.memberId()),
                FormText.shown(insurance.groupNumber()),
                caller.has(Scope.WRITE_APPOINTMENTS),
                problem);
    }

    /** The status with what staff need to know of it: who cancelled, why, whether late; a limit overridden. */
    private static String status(AppointmentView a) {
        var line = new StringBuilder(a.status().wire());
        if (a.cancelledBy() != null) {
            line.append(" by ").append(a.cancelledBy());
        }
        if (a.lateCancellation()) {
            line.append(", late (inside the notice period)");
        }
        if (a.cancellationReason() != null) {
            line.append(": ").append(a.cancellationReason());
        }
        if (a.bookingLimitOverridden()) {
            line.append(" (booked past the patient's limit of upcoming bookings)");
        }
        return line.toString();
    }

    /** Sets the three details as typed; a blank field clears it, and no insurance payer clears the insurance. */
    void describe(Caller caller, String id, Map<String, String> form) {
        String payer = FormText.given(form.get("insurancePayer"));
        var insurance = payer == null
                ? null
                : new PatientView.Insurance(
                        payer,
                        FormText.given(form.get("insuranceMemberId")),
                        FormText.given(form.get("insuranceGroupNumber")));
        var details = new AppointmentDetails(
                null,
                null,
                FormText.given(form.get("notes")),
                FormText.given(form.get("paymentMode")),
                insurance,
                null,
                null,
                null,
                Map.of(),
                null);
        var change = new ChangeAppointment(
                insurance == null ? DETAILS : withWholeInsurance(), null, null, null, null, null, details);
        appointments.change(caller, id, change, new Problems());
    }

    private static Set<String> withWholeInsurance() {
        return Set.of(
                "notes", "paymentMode", "insurance", "insurance.payer", "insurance.memberId", "insurance.groupNumber");
    }
}
