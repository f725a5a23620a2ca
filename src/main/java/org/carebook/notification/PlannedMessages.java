package org.carebook.notification;

import java.time.Instant;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.springframework.stereotype.Component;

/**
 * Queues planned messages, or records them as suppressed when {@link SendingRules} hold them back (test mode, a
 * country not texted, a recipient's daily limit).
 */
@Component
class PlannedMessages {

    private final NotificationRepository notifications;
    private final SendingRules rules;

    PlannedMessages(NotificationRepository notifications, SendingRules rules) {
        this.notifications = notifications;
        this.rules = rules;
    }

    /** A message and whom it goes to. */
    record Addressed(String recipient, Message message) {}

    /** Queues the e-mail and the SMS that are given (either may be null), about an appointment or waitlist entry. */
    void queue(
            Tenant tenant,
            OrganizationSettings settings,
            NotificationRepository.About about,
            Messages.Kind kind,
            Addressed email,
            Addressed sms,
            Instant sendAfter,
            Instant now) {
        if (email != null) {
            queue(
                    tenant,
                    settings,
                    about,
                    new NotificationRepository.Planned(
                            kind.wire, "email", email.recipient(), email.message(), sendAfter),
                    now);
        }
        if (sms != null) {
            queue(
                    tenant,
                    settings,
                    about,
                    new NotificationRepository.Planned(kind.wire, "sms", sms.recipient(), sms.message(), sendAfter),
                    now);
        }
    }

    void dropQueuedReminders(Tenant tenant, String appointmentId) {
        notifications.dropQueuedReminders(tenant, appointmentId);
    }

    private void queue(
            Tenant tenant,
            OrganizationSettings settings,
            NotificationRepository.About about,
            NotificationRepository.Planned planned,
            Instant now) {
        var suppressed =
                rules.suppression(tenant, settings, planned.channel(), planned.recipient(), planned.sendAfter());
        notifications.insert(tenant, about, planned, suppressed.orElse(null), now);
    }
}
