package org.carebook.selfservice;

import java.time.OffsetDateTime;
import org.carebook.booking.AppointmentStatus;

/**
 * An appointment as its patient sees it on the manage page: what, when, with whom and where, and what the
 * clinic's rules let them change by themselves (until when, how often more, whom to call otherwise).
 */
public record ManagedAppointment(
        String id,
        AppointmentStatus status,
        String service,
        String clinician,
        String location,
        boolean isRemote,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        String timezone,
        String clinic,
        String clinicPhone,
        boolean canCancel,
        OffsetDateTime cancelUntil,
        boolean canReschedule,
        OffsetDateTime rescheduleUntil,
        Integer reschedulesLeft) {}
