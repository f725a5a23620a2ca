package org.carebook.notification;

import java.time.Instant;
import java.util.Optional;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.springframework.stereotype.Component;

/**
 * Which planned messages are only recorded. A booking can come from anyone who holds a publishable key, so
 * the server must not become a way to text any number in the world (SMS pumping) or to flood one inbox:
 * SMS goes only to the organization's {@code sms_countries}, and each phone number and e-mail address gets at
 * most a set number of messages in any 24 hours, counted across organizations.
 */
@Component
class SendingRules {

    private final NotificationRepository notifications;
    private final NotificationSettings properties;

    SendingRules(NotificationRepository notifications, NotificationSettings properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    /** Why this message must not be sent, or empty to queue it. Runs in the planning transaction. */
    Optional<Suppression> suppression(
            Tenant tenant, OrganizationSettings settings, String channel, String recipient, Instant sendAfter) {
        if (tenant.mode() == Mode.TEST) {
            return Optional.of(Suppression.TEST_MODE);
        }
        boolean sms = channel.equals("sms");
        if (sms
                && Phones.country(recipient)
                        .filter(settings.smsCountries()::contains)
                        .isEmpty()) {
            return Optional.of(Suppression.COUNTRY_NOT_ALLOWED);
        }
        int limit = sms ? properties.smsPerPhonePerDay() : properties.emailsPerAddressPerDay();
        // Serialised per recipient, so concurrent bookings cannot both take the last message of the day.
        notifications.lockRecipient(channel, recipient);
        if (notifications.countQueuedOrSentWithinADayOf(channel, recipient, sendAfter) >= limit) {
            return Optional.of(Suppression.DAILY_LIMIT);
        }
        return Optional.empty();
    }
}
