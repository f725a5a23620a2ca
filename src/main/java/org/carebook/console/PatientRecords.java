package org.carebook.console;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carebook.audit.AuditEventView;
import org.carebook.audit.AuditLog;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.Appointments;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.PageRequest;
import org.carebook.patient.Patients;
import org.carebook.staff.StaffMembers;
import org.springframework.stereotype.Component;

/**
 * Assembles a patient's page. A clinician may open only the records of patients booked with them; the
 * refusal comes before the record is read, so it leaves no read in the audit log.
 */
@Component
class PatientRecords {

    static final int LOOKS = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Patients patients;
    private final Appointments appointments;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final StaffMembers staff;
    private final Clock clock;

    PatientRecords(
            Patients patients,
            Appointments appointments,
            Catalogue catalogue,
            AuditLog audit,
            StaffMembers staff,
            Clock clock) {
        this.patients = patients;
        this.appointments = appointments;
        this.catalogue = catalogue;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    PatientRecord open(Caller caller, Viewer viewer, String patientId, String backPath) {
        if (viewer.limitedToOwnPatients() && !bookedWith(caller, patientId, viewer.ownClinicianId())) {
            throw CarebookException.forbidden(
                    "not_your_patient",
                    "Only the front desk and this patient's own clinicians may open this record.",
                    List.of());
        }
        var patient = patients.get(caller, patientId);
        var now = clock.instant();
        var upcoming = new ArrayList<PatientRecord.Visit>();
        var past = new ArrayList<PatientRecord.Visit>();
        Map<String, String> typeNames = new HashMap<>();
        Map<String, String> clinicianNames = new HashMap<>();
        long noShows = 0;
        long late = 0;
        for (var a :
                appointments.all(caller, new AppointmentFilter(null, null, null, null, patientId, null, null, null))) {
            noShows += a.status() == AppointmentStatus.NO_SHOW ? 1 : 0;
            late += a.status() == AppointmentStatus.CANCELLED && a.lateCancellation() ? 1 : 0;
            var visit = new PatientRecord.Visit(
                    WHEN.format(a.startTime()),
                    a.startTime().toString(),
                    typeNames.computeIfAbsent(
                            a.appointmentTypeId(),
                            id -> catalogue.type(caller, id).name()),
                    clinicianNames.computeIfAbsent(
                            a.clinicianId(),
                            id -> catalogue.clinician(caller, id).name()),
                    a.status().wire());
            (a.startTime().toInstant().isBefore(now) ? past : upcoming).add(visit);
        }
        Collections.reverse(past);
        return new PatientRecord(patient, upcoming, past, noShows, late, looks(caller, patientId), backPath);
    }

    private boolean bookedWith(Caller caller, String patientId, String clinicianId) {
        var filter = new AppointmentFilter(null, null, clinicianId, null, patientId, null, null, null);
        return !appointments
                .list(caller, filter, PageRequest.of("1", null))
                .data()
                .isEmpty();
    }

    private List<PatientRecord.Look> looks(Caller caller, String patientId) {
        var names = staff.names(caller);
        return audit.latest(caller.tenant(), "patient", patientId, LOOKS).stream()
                .map(e -> new PatientRecord.Look(
                        WHEN.format(e.occurredAt().atOffset(ZoneOffset.UTC)) + " UTC",
                        e.occurredAt().toString(),
                        who(e.actor(), names),
                        e.action()))
                .toList();
    }

    private static String who(AuditEventView.Actor actor, Map<String, String> staffNames) {
        if ("staff".equals(actor.kind())) {
            return staffNames.getOrDefault(actor.keyId(), "A former member of staff");
        }
        return "API key " + actor.keyId();
    }
}
