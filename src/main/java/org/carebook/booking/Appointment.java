package org.carebook.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Actor;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Tenant;

/**
 * An appointment: the aggregate whose named transitions are the only way its state changes (docs/api.md §6).
 * Each returns the appointment as it is afterwards, with the event that tells of it; the facade saves the result
 * with one UPDATE. What may collide with other bookings is not decided here but by the database
 * ({@link BlockingIntervals}).
 */
record Appointment(
        String id,
        Tenant tenant,
        AppointmentStatus status,
        String patientId,
        String appointmentTypeId,
        Placement placement,
        AppointmentDetails details,
        String holdId,
        String source,
        SeriesPlace series,
        String sessionId,
        boolean allowOverlapping,
        Instant cancelledAt,
        String cancellationReason,
        String cancelledBy,
        Instant checkedInAt,
        boolean lateCancellation,
        int rescheduleCount,
        boolean bookingLimitOverridden,
        Instant createdAt,
        Instant updatedAt) {

    /** Which series an occurrence belongs to, and its place in the series' dates (from 0). */
    record SeriesPlace(String seriesId, int index) {}

    /**
     * A new appointment: nothing cancelled or checked in yet; {@code series} is null for one booked alone,
     * {@code sessionId} but for a seat in a class.
     */
    static Appointment booked(
            String id,
            Tenant tenant,
            AppointmentStatus status,
            String patientId,
            String appointmentTypeId,
            Placement placement,
            AppointmentDetails details,
            String holdId,
            String source,
            SeriesPlace series,
            String sessionId,
            boolean allowOverlapping,
            boolean bookingLimitOverridden,
            Instant now) {
        return new Appointment(
                id,
                tenant,
                status,
                patientId,
                appointmentTypeId,
                placement,
                details,
                holdId,
                source,
                series,
                sessionId,
                allowOverlapping,
                null,
                null,
                null,
                null,
                false,
                0,
                bookingLimitOverridden,
                now,
                now);
    }

    /** The appointment after a transition, and what is told of it (nothing, for a change of details). */
    record Transition(Appointment next, Optional<AppointmentEvent> event) {}

    /** A pending appointment approved: the patient is told as of a booking, and reminders follow. */
    Transition confirm(Actor actor, Instant now) {
        return told(becomes(AppointmentStatus.CONFIRMED, now), actor, AppointmentEvent.Confirmed::new);
    }

    /** A pending appointment not approved: it gives up its time, and the clinic's reason is kept as a cancellation's. */
    Transition decline(Actor actor, String reason, Instant now) {
        requireMove(AppointmentStatus.DECLINED);
        var next = changed(
                AppointmentStatus.DECLINED,
                placement,
                sessionId,
                details,
                new Cancellation(now, reason, "clinic", false),
                checkedInAt,
                rescheduleCount,
                now);
        return told(next, actor, AppointmentEvent.Declined::new);
    }

    Transition checkIn(Actor actor, Instant now) {
        requireMove(AppointmentStatus.CHECKED_IN);
        var next = changed(
                AppointmentStatus.CHECKED_IN, placement, sessionId, details, cancellation(), now, rescheduleCount, now);
        return told(next, actor, AppointmentEvent.CheckedIn::new);
    }

    Transition markNoShow(Actor actor, Instant now) {
        return told(becomes(AppointmentStatus.NO_SHOW, now), actor, AppointmentEvent.NoShow::new);
    }

    Transition complete(Actor actor, Instant now) {
        return told(becomes(AppointmentStatus.COMPLETED, now), actor, AppointmentEvent.Completed::new);
    }

    /** {@code late}: inside the notice period the clinic's rules give (staff may still cancel then). */
    Transition cancel(Actor actor, String reason, String by, boolean late, Instant now) {
        requireMove(AppointmentStatus.CANCELLED);
        var next = changed(
                AppointmentStatus.CANCELLED,
                placement,
                sessionId,
                details,
                new Cancellation(now, reason, by, late),
                checkedInAt,
                rescheduleCount,
                now);
        return told(next, actor, AppointmentEvent.Cancelled::new);
    }

    /** Moves it (and may change its details with it); every move counts, whoever makes it. */
    Transition reschedule(Actor actor, Placement to, AppointmentDetails newDetails, Instant now) {
        return reschedule(actor, to, sessionId, newDetails, now);
    }

    /** Moves a place in a class to a place in the session {@code toSession}, at its time. */
    Transition reschedule(Actor actor, Placement to, String toSession, AppointmentDetails newDetails, Instant now) {
        requireReschedulable();
        var next = changed(status, to, toSession, newDetails, cancellation(), checkedInAt, rescheduleCount + 1, now);
        return told(next, actor, AppointmentEvent.Rescheduled::new);
    }

    /** Its title, reason, notes, payment, insurance, attendee and external ids: no event tells of these alone. */
    Appointment describe(AppointmentDetails newDetails, Instant now) {
        return changed(status, placement, sessionId, newDetails, cancellation(), checkedInAt, rescheduleCount, now);
    }

    /** Only an appointment the patient has not yet arrived for can move. */
    void requireReschedulable() {
        if (!status.isUpcoming()) {
            throw CarebookException.invalidState("Only a pending or confirmed appointment can be rescheduled.");
        }
    }

    private Appointment becomes(AppointmentStatus next, Instant now) {
        requireMove(next);
        return changed(next, placement, sessionId, details, cancellation(), checkedInAt, rescheduleCount, now);
    }

    /** When, why, by whom and whether late it was cancelled; all null (and not late) while it is not. */
    private record Cancellation(Instant at, String reason, String by, boolean late) {}

    private Cancellation cancellation() {
        return new Cancellation(cancelledAt, cancellationReason, cancelledBy, lateCancellation);
    }

    /** This appointment with what a transition may change; what it is (id, patient, type, origin) stays. */
    private Appointment changed(
            AppointmentStatus newStatus,
            Placement newPlacement,
            String newSession,
            AppointmentDetails newDetails,
            Cancellation newCancellation,
            Instant arrivedAt,
            int reschedules,
            Instant now) {
        return new Appointment(
                id,
                tenant,
                newStatus,
                patientId,
                appointmentTypeId,
                newPlacement,
                newDetails,
                holdId,
                source,
                series,
                newSession,
                allowOverlapping,
                newCancellation.at(),
                newCancellation.reason(),
                newCancellation.by(),
                arrivedAt,
                newCancellation.late(),
                reschedules,
                bookingLimitOverridden,
                createdAt,
                now);
    }

    /** Whether its life allows becoming {@code next}; otherwise a 409 {@code invalid_state}. */
    void requireMove(AppointmentStatus next) {
        if (!status.canMoveTo(next)) {
            throw CarebookException.invalidState(
                    "An appointment that is " + status.wire() + " cannot become " + next.wire() + ".");
        }
    }

    private Transition told(Appointment next, Actor actor, Told told) {
        var after = next.view();
        return new Transition(
                next, Optional.of(told.of(tenant, actor, after, AppointmentChanged.between(view(), after))));
    }

    /** One of the {@link AppointmentEvent} records' constructors. */
    @FunctionalInterface
    private interface Told {
        AppointmentEvent of(Tenant tenant, Actor actor, AppointmentView appointment, List<String> changed);
    }

    AppointmentView view() {
        var p = placement;
        var d = details;
        return new AppointmentView(
                id,
                status,
                patientId,
                appointmentTypeId,
                p.clinicianId(),
                p.locationId(),
                p.roomId(),
                p.remote(),
                p.zone().getId(),
                d.title(),
                at(p.start()),
                at(p.end()),
                Duration.between(p.start(), p.end()).toMinutes(),
                d.reason(),
                d.notes(),
                d.paymentMode(),
                d.insurance(),
                d.attendeeName(),
                d.attendeeEmail(),
                d.attendeePhone(),
                holdId,
                source,
                d.referral(),
                series == null ? null : series.seriesId(),
                series == null ? null : series.index(),
                sessionId,
                d.externalIds(),
                at(cancelledAt),
                cancellationReason,
                cancelledBy,
                at(checkedInAt),
                lateCancellation,
                rescheduleCount,
                bookingLimitOverridden,
                at(createdAt),
                at(updatedAt));
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(placement.zone()).toOffsetDateTime();
    }
}
