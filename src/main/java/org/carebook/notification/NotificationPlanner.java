package org.carebook.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.events.EventRecorded;
import org.carebook.kernel.CarebookProperties;
import org.carebook.kernel.Tenant;
import org.carebook.patient.Patients;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Plans a patient's messages from an appointment's events, in the event's transaction: the e-mail (and SMS)
 * for a booking, a move or a cancellation, and the reminders, which are planned again whenever the
 * appointment moves and dropped when it is cancelled. Messages that {@link SendingRules} hold back (test mode,
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
    private final CarebookProperties properties;
    private final SendingRules rules;
    private final Clock clock;

    NotificationPlanner(NotificationRepository notifications, Organizations organizations, Patients patients,
                        AppointmentTypes types, Clinicians clinicians, Locations locations,
                        CarebookProperties properties, SendingRules rules, Clock clock) {
        this.notifications = notifications;
        this.organizations = organizations;
        this.patients = patients;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.properties = properties;
        this.rules = rules;
        this.clock = clock;
    }

    @EventListener
    void plan(EventRecorded recorded) {
        Messages.Kind kind = switch (recorded.event().type()) {
            case "appointment.created" -> Messages.Kind.CONFIRMATION;
            case "appointment.rescheduled" -> Messages.Kind.RESCHEDULE;
            case "appointment.cancelled" -> Messages.Kind.CANCELLATION;
            default -> null;
        };
        JsonNode object = recorded.event().data().object();
        if (kind == null || (kind == Messages.Kind.CONFIRMATION && !"confirmed".equals(text(object, "status")))) {
            return;
        }
        Tenant tenant = recorded.tenant();
        if (kind != Messages.Kind.CONFIRMATION) { // a new appointment has no reminders yet
            notifications.dropQueuedReminders(tenant, recorded.appointmentId());
        }
        var contact = patients.contact(tenant, text(object, "patient_id")).orElse(null);
        if (contact == null) {
            return;
        }
        String email = firstNonNull(text(object, "attendee_email"), contact.email());
        String phone = properties.smsEnabled() ? firstNonNull(text(object, "attendee_phone"), contact.phone()) : null;
        if (email == null && phone == null) {
            return;
        }
        var settings = organizations.settings(tenant);
        var appointment = appointment(tenant, settings, object, contact.firstName(), recorded.event().sequence());
        Instant now = clock.instant();
        plan(tenant, settings, appointment, kind, email, phone, now, now);
        if (kind != Messages.Kind.CANCELLATION) {
            for (int hours : settings.reminderHoursBefore()) {
                Instant at = appointment.start().minus(Duration.ofHours(hours));
                if (at.isAfter(now)) {
                    plan(tenant, settings, appointment, Messages.Kind.REMINDER, email, phone, at, now);
                }
            }
        }
    }

    private void plan(Tenant tenant, OrganizationSettings settings, Messages.Appointment appointment,
                      Messages.Kind kind, String email, String phone, Instant sendAfter, Instant now) {
        if (email != null) {
            var message = Messages.email(kind, appointment, properties.mailFrom(), email, now);
            record(tenant, settings, appointment, new NotificationRepository.Planned(kind.wire, "email", email, message,
                    sendAfter), now);
        }
        if (phone != null) {
            record(tenant, settings, appointment, new NotificationRepository.Planned(kind.wire, "sms", phone,
                    Messages.sms(kind, appointment), sendAfter), now);
        }
    }

    private void record(Tenant tenant, OrganizationSettings settings, Messages.Appointment appointment,
                        NotificationRepository.Planned planned, Instant now) {
        var suppressed = rules.suppression(tenant, settings, planned.channel(), planned.recipient(), planned.sendAfter());
        notifications.insert(tenant, appointment.id(), planned, suppressed.orElse(null), now);
    }

    private Messages.Appointment appointment(Tenant tenant, OrganizationSettings settings, JsonNode object,
                                             String firstName, Integer sequence) {
        String locationId = text(object, "location_id");
        LocationView location = locationId == null ? null : locations.get(tenant, locationId);
        ZoneId zone = location == null ? settings.timezone() : ZoneId.of(location.timezone());
        return new Messages.Appointment(text(object, "id"), settings.name(),
                types.get(tenant, text(object, "appointment_type_id")).name(),
                clinicians.get(tenant, text(object, "clinician_id")).name(),
                OffsetDateTime.parse(text(object, "start_time")).toInstant(),
                OffsetDateTime.parse(text(object, "end_time")).toInstant(), zone,
                object.get("is_remote").booleanValue(), location == null ? "" : location.oneLine(), firstName,
                sequence == null ? 1 : sequence);
    }

    private static String text(JsonNode object, String field) {
        var value = object.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
