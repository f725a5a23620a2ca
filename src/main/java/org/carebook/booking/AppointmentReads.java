package org.carebook.booking;

import java.util.List;
import org.carebook.audit.AuditLog;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of appointments through the API, audited like reads of patients: an appointment carries what the clinic
 * and the patient wrote (notes, reason, insurance, attendee), which events leave out for this reason.
 */
@Service
class AppointmentReads {

    static final String RESOURCE = "appointment";

    private final Appointments appointments;
    private final AuditLog audit;

    AppointmentReads(Appointments appointments, AuditLog audit) {
        this.appointments = appointments;
        this.audit = audit;
    }

    @Transactional
    AppointmentView read(Caller caller, String id) {
        var appointment = appointments.get(caller, id);
        audit.record(caller, AuditLog.Action.READ, RESOURCE, List.of(id));
        return appointment;
    }

    @Transactional
    ListPage<AppointmentView> search(Caller caller, AppointmentFilter filter, PageRequest page) {
        var found = appointments.list(caller, filter, page);
        audit.record(
                caller,
                AuditLog.Action.SEARCH,
                RESOURCE,
                found.data().stream().map(AppointmentView::id).toList());
        return found;
    }
}
