package org.carebook.booking;

import org.carebook.kernel.Caller;
import org.carebook.organization.OrganizationSettings;
import org.springframework.stereotype.Component;

/**
 * Which online bookings wait for the clinic's approval: those of a type that requires it, and, where the
 * organization asks for it, those of a patient it has not seen yet. Staff and secret keys book as they say.
 */
@Component
class ApprovalPolicy {

    private final BookingReferences references;
    private final AppointmentRepository appointments;

    ApprovalPolicy(BookingReferences references, AppointmentRepository appointments) {
        this.references = references;
        this.appointments = appointments;
    }

    AppointmentStatus statusOfOnlineBooking(
            Caller caller, String typeId, String patientId, OrganizationSettings settings) {
        if (!caller.isPublishable()) {
            return AppointmentStatus.CONFIRMED;
        }
        boolean waits = references.type(caller, typeId).requiresApproval()
                || (settings.approveNewPatients() && !appointments.hasBeenSeen(patientId));
        return waits ? AppointmentStatus.PENDING : AppointmentStatus.CONFIRMED;
    }
}
