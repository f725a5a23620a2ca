package org.carebook.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Caller;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Component;

/** An appointment as its patient sees it: names instead of ids, and what the clinic's rules still let them do. */
@Component
class ManagedAppointments {

    private final Appointments appointments;
    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final Organizations organizations;
    private final Clock clock;

    ManagedAppointments(
            Appointments appointments,
            AppointmentTypes types,
            Clinicians clinicians,
            Locations locations,
            Organizations organizations,
            Clock clock) {
        this.appointments = appointments;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.organizations = organizations;
        this.clock = clock;
    }

    ManagedAppointment of(Caller caller, AppointmentView appointment) {
        var tenant = caller.tenant();
        var policy = appointments.policy(caller, appointment.id());
        Instant now = clock.instant();
        boolean upcoming = SelfService.upcoming(appointment, now);
        var location = appointment.locationId() == null ? null : locations.get(tenant, appointment.locationId());
        return new ManagedAppointment(
                appointment.id(),
                appointment.status(),
                types.get(tenant, appointment.appointmentTypeId()).name(),
                clinicians.get(tenant, appointment.clinicianId()).name(),
                location == null ? null : location.oneLine(),
                appointment.isRemote(),
                appointment.startTime(),
                appointment.endTime(),
                appointment.timezone(),
                organizations.settings(tenant).name(),
                policy.clinicPhone(),
                upcoming && policy.mayCancel(now),
                at(policy.cancelUntil(), appointment.startTime()),
                upcoming && policy.mayReschedule(now),
                at(policy.rescheduleUntil(), appointment.startTime()),
                policy.reschedulesLeft());
    }

    /** A deadline in the appointment's own offset; without a rule, none. */
    private static OffsetDateTime at(Instant deadline, OffsetDateTime start) {
        return deadline == null ? null : deadline.atOffset(start.getOffset());
    }
}
