package org.carebook.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.carebook.booking.AppointmentEvent;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.SeriesEvent;
import org.carebook.events.EventRecorded;
import org.carebook.patient.Patients;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans a patient's messages from an appointment's events, in the event's transaction: the e-mail (and SMS)
 * for a booking, a move or a cancellation, and the reminders, which are planned again whenever the
 * appointment moves and dropped when it is cancelled. Each is written in the patient's language and, until it
 * is cancelled, carries the appointment's manage link. A new series sends one message for all its dates instead
 * of one per occurrence; each occurrence still gets its own reminders.
 */
@Component
class NotificationPlanner {

    private final PlannedMessages planned;
    private final AppointmentFacts facts;
    private final Patients patients;
    private final NotificationSettings sending;
    private final Clock clock;

    NotificationPlanner(
            PlannedMessages planned,
            AppointmentFacts facts,
            Patients patients,
            NotificationSettings sending,
            Clock clock) {
        this.planned = planned;
        this.facts = facts;
        this.patients = patients;
        this.sending = sending;
        this.clock = clock;
    }

    @EventListener
    void plan(EventRecorded recorded) {
        if (recorded.source() instanceof SeriesEvent.Created created) {
            planSeries(created);
            return;
        }
        if (!(recorded.source() instanceof AppointmentEvent event)) {
            return;
        }
        Messages.Kind kind = kind(event);
        AppointmentView booked = event.appointment();
        if (kind == null) {
            return;
        }
        if (kind != Messages.Kind.CONFIRMATION && kind != Messages.Kind.REQUESTED) { // a new one has none yet
            planned.dropQueuedReminders(event.tenant(), booked.id());
        }
        patients.contact(event.tenant(), booked.patientId())
                .ifPresent(
                        contact -> plan(event, kind, contact, recorded.event().sequence()));
    }

    /**
     * The message now to the booking's attendee or else the patient, and the reminders unless it is cancelled. A
     * new occurrence of a series gets its reminders only: the series' message tells of every date.
     */
    private void plan(AppointmentEvent event, Messages.Kind kind, Patients.Contact contact, Integer sequence) {
        var booked = event.appointment();
        String email = firstNonNull(booked.attendeeEmail(), contact.email());
        String phone = sending.smsEnabled() ? firstNonNull(booked.attendeePhone(), contact.phone()) : null;
        if (email == null && phone == null) {
            return;
        }
        var tenant = event.tenant();
        var settings = facts.settings(tenant);
        var appointment = facts.of(
                tenant, settings, AppointmentFacts.Booked.of(booked), contact, kind, sequence == null ? 1 : sequence);
        Instant now = clock.instant();
        if (kind != Messages.Kind.CONFIRMATION
                || booked.seriesId() == null
                || event instanceof AppointmentEvent.Confirmed) {
            String note = kind == Messages.Kind.DECLINED ? booked.cancellationReason() : null;
            queue(event, appointment, kind, note, email, phone, now, now);
        }
        if (!kind.keepsTime() || booked.status() == AppointmentStatus.PENDING) {
            return; // reminders only for a time the clinic has accepted
        }
        for (int hours : settings.reminderHoursBefore()) {
            Instant at = appointment.start().minus(Duration.ofHours(hours));
            if (at.isAfter(now)) {
                queue(event, appointment, Messages.Kind.REMINDER, null, email, phone, at, now);
            }
        }
    }

    private void queue(
            AppointmentEvent event,
            Messages.Appointment appointment,
            Messages.Kind kind,
            String note,
            String email,
            String phone,
            Instant sendAfter,
            Instant now) {
        planned.queue(
                event.tenant(),
                facts.settings(event.tenant()),
                NotificationRepository.About.appointment(appointment.id()),
                kind,
                email == null
                        ? null
                        : new PlannedMessages.Addressed(
                                email, Messages.email(kind, appointment, sending.mailFrom(), email, now, note)),
                phone == null ? null : new PlannedMessages.Addressed(phone, Messages.sms(kind, appointment)),
                sendAfter,
                now);
    }

    /** The series' one message, to the patient: its occurrences are booked without attendees of their own. */
    private void planSeries(SeriesEvent.Created created) {
        var series = created.series();
        var tenant = created.tenant();
        var contact = patients.contact(tenant, series.patientId()).orElse(null);
        if (contact == null || series.occurrences().isEmpty()) {
            return;
        }
        String email = contact.email();
        String phone = sending.smsEnabled() ? contact.phone() : null;
        var settings = facts.settings(tenant);
        var course = new SeriesMessages.Course(
                facts.of(tenant, settings, AppointmentFacts.Booked.firstOf(series), contact, Messages.Kind.SERIES, 1),
                series);
        Instant now = clock.instant();
        planned.queue(
                tenant,
                settings,
                NotificationRepository.About.appointment(course.first().id()),
                Messages.Kind.SERIES,
                email == null
                        ? null
                        : new PlannedMessages.Addressed(
                                email, SeriesMessages.email(course, sending.mailFrom(), email, now)),
                phone == null ? null : new PlannedMessages.Addressed(phone, SeriesMessages.sms(course)),
                now,
                now);
    }

    /**
     * The message an appointment's event sends: a new pending booking is a request the clinic has yet to approve;
     * check-ins, no-shows and completions send none.
     */
    private static Messages.Kind kind(AppointmentEvent event) {
        if (event instanceof AppointmentEvent.Booked) {
            return event.appointment().status() == AppointmentStatus.PENDING
                    ? Messages.Kind.REQUESTED
                    : Messages.Kind.CONFIRMATION;
        }
        if (event instanceof AppointmentEvent.Confirmed) {
            return Messages.Kind.CONFIRMATION;
        }
        if (event instanceof AppointmentEvent.Rescheduled) {
            return Messages.Kind.RESCHEDULE;
        }
        if (event instanceof AppointmentEvent.Declined) {
            return Messages.Kind.DECLINED;
        }
        return event instanceof AppointmentEvent.Cancelled ? Messages.Kind.CANCELLATION : null;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
