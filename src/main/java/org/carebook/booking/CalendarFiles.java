package org.carebook.booking;

import org.carebook.events.EventLog;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An appointment as an RFC 5545 calendar file for its patient (docs/api.md §6). */
@Service
public class CalendarFiles {

    private final AppointmentRepository repository;
    private final BookingReferences references;
    private final Organizations organizations;
    private final EventLog events;

    CalendarFiles(
            AppointmentRepository repository,
            BookingReferences references,
            Organizations organizations,
            EventLog events) {
        this.repository = repository;
        this.references = references;
        this.organizations = organizations;
        this.events = events;
    }

    /** Its {@code SEQUENCE} counts the changes calendars have been sent, so a later file replaces an earlier. */
    @Transactional(readOnly = true)
    public String of(Caller caller, String id) {
        var appointment = repository
                .find(caller.tenant(), id, false)
                .orElseThrow(() -> CarebookException.notFound("No such appointment."));
        var placement = appointment.placement();
        return CalendarFile.of(
                appointment,
                references.type(caller, appointment.appointmentTypeId()),
                references.clinician(caller.tenant(), placement.clinicianId()),
                references.location(caller.tenant(), placement.locationId()),
                organizations.settings(caller.tenant()).name(),
                Math.max(0, events.sequence(appointment.id()) - 1));
    }
}
