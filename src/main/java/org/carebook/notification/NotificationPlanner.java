package org.carebook.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.carebook.booking.AppointmentEvent;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.events.EventRecorded;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.carebook.patient.Patients;
import org.carebook.selfservice.ManageLinks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans a patient's messages from an appointment's events, in the event's transaction: the e-mail (and SMS)
 * for a booking, a move or a cancellation, and the reminders, which are planned again whenever the
 * appointment moves and dropped when it is cancelled. Each is written in the patient's language and, until it
 * is cancelled, carries the appointment's manage link. Messages that {@link SendingRules} hold back (test mode,
 * a country not texted, a recipient's daily limit) are recorded as suppressed.
 */
@Component
class NotificationPlanner {

    private final NotificationRepository notifications;
    private final Organizations organizations;
    private final Patients patients;
    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final NotificationSettings sending;
    private final SendingRules rules;
    private final ManageLinks manageLinks;
    private final Clock clock;

    NotificationPlanner(
            NotificationRepository notifications,
            Organizations organizations,
            Patients patients,
            AppointmentTypes types,
            Clinicians clinicians,
            Locations locations,
            NotificationSettings sending,
            SendingRules rules,
            ManageLinks manageLinks,
            Clock clock) {
        this.manageLinks = manageLinks;
        this.notifications = notifications;
        this.organizations = organizations;
        this.patients = patients;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.sending = sending;
        this.rules = rules;
        this.clock = clock;
    }

    @EventListener
    void plan(EventRecorded recorded) {
        if (!(recorded.source() instanceof AppointmentEvent event)) {
            return;
        }
        Messages.Kind kind = kind(event);
        AppointmentView booked = event.appointment();
        if (kind == null || (kind == Messages.Kind.CONFIRMATION && booked.status() != AppointmentStatus.CONFIRMED)) {
            return;
        }
        if (kind != Messages.Kind.CONFIRMATION) { // a new appointment has no reminders yet
            notifications.dropQueuedReminders(event.tenant(), booked.id());
        }
        patients.contact(event.tenant(), booked.patientId())
                .ifPresent(
                        contact -> plan(event, kind, contact, recorded.event().sequence()));
    }

    /** The message now to the booking's attendee or else the patient, and the reminders unless it is cancelled. */
    private void plan(AppointmentEvent event, Messages.Kind kind, Patients.Contact contact, Integer sequence) {
        var booked = event.appointment();
        String email = firstNonNull(booked.attendeeEmail(), contact.email());
        String phone = sending.smsEnabled() ? firstNonNull(booked.attendeePhone(), contact.phone()) : null;
        if (email == null && phone == null) {
            return;
        }
        var tenant = event.tenant();
        var organization = organizations.settings(tenant);
        var appointment = appointment(tenant, organization, booked, contact, kind, sequence);
        Instant now = clock.instant();
        plan(tenant, organization, appointment, kind, email, phone, now, now);
        if (kind == Messages.Kind.CANCELLATION) {
            return;
        }
        for (int hours : organization.reminderHoursBefore()) {
            Instant at = appointment.start().minus(Duration.ofHours(hours));
            if (at.isAfter(now)) {
                plan(tenant, organization, appointment, Messages.Kind.REMINDER, email, phone, at, now);
            }
        }
    }

    /** The message an appointment's event sends; check-ins, no-shows and completions send none. */
    private static Messages.Kind kind(AppointmentEvent event) {
        if (event instanceof AppointmentEvent.Booked) {
            return Messages.Kind.CONFIRMATION;
        }
        if (event instanceof AppointmentEvent.Rescheduled) {
            return Messages.Kind.RESCHEDULE;
        }
        return event instanceof AppointmentEvent.Cancelled ? Messages.Kind.CANCELLATION : null;
    }

    private void plan(
            Tenant tenant,
            OrganizationSettings settings,
            Messages.Appointment appointment,
            Messages.Kind kind,
            String email,
            String phone,
            Instant sendAfter,
            Instant now) {
        if (email != null) {
            var message = Messages.email(kind, appointment, sending.mailFrom(), email, now);
            record(
                    tenant,
                    settings,
                    appointment,
                    new NotificationRepository.Planned(kind.wire, "email", email, message, sendAfter),
                    now);
        }
        if (phone != null) {
            record(
                    tenant,
                    settings,
                    appointment,
                    new NotificationRepository.Planned(
                            kind.wire, "sms", phone, Messages.sms(kind, appointment), sendAfter),
                    now);
        }
    }

    private void record(
            Tenant tenant,
            OrganizationSettings settings,
            Messages.Appointment appointment,
            NotificationRepository.Planned planned,
            Instant now) {
        var suppressed =
                rules.suppression(tenant, settings, planned.channel(), planned.recipient(), planned.sendAfter());
        notifications.insert(tenant, appointment.id(), planned, suppressed.orElse(null), now);
    }

    private Messages.Appointment appointment(
            Tenant tenant,
            OrganizationSettings settings,
            AppointmentView booked,
            Patients.Contact contact,
            Messages.Kind kind,
            Integer sequence) {
        LocationView location = booked.locationId() == null ? null : locations.get(tenant, booked.locationId());
        ZoneId zone = location == null ? settings.timezone() : ZoneId.of(location.timezone());
        return new Messages.Appointment(
                booked.id(),
                settings.name(),
                types.get(tenant, booked.appointmentTypeId()).name(),
                clinicians.get(tenant, booked.clinicianId()).name(),
                booked.startTime().toInstant(),
                booked.endTime().toInstant(),
                zone,
                booked.isRemote(),
                location == null ? "" : location.oneLine(),
                contact.firstName(),
                sequence == null ? 1 : sequence,
                Messages.locale(contact.preferredLanguage()),
                kind == Messages.Kind.CANCELLATION ? null : manageLinks.urlFor(tenant, booked.id()));
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
