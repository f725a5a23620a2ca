package org.carebook.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How messages go out: the sender, the SMS provider (all four or none), the poll, and per-recipient daily limits. */
@ConfigurationProperties(prefix = "carebook")
record NotificationSettings(
        @DefaultValue("PT5S") Duration notificationPoll,

        @DefaultValue("Carebook <no-reply@carebook.invalid>")
        String mailFrom,

        String smsUrl,
        String smsAccount,
        String smsToken,
        String smsFrom,
        @DefaultValue("10") int smsPerPhonePerDay,
        @DefaultValue("20") int emailsPerAddressPerDay) {

    NotificationSettings {
        if (notificationPoll.isNegative()) {
            throw new IllegalArgumentException(
                    "CAREBOOK_NOTIFICATION_POLL must be an ISO-8601 duration such as PT5S (PT0S: off)");
        }
        if (smsPerPhonePerDay < 0 || emailsPerAddressPerDay < 0) {
            throw new IllegalArgumentException(
                    "CAREBOOK_SMS_PER_PHONE_PER_DAY and CAREBOOK_EMAILS_PER_ADDRESS_PER_DAY " + "must be 0 or more");
        }
    }

    /** SMS goes out only when a provider is fully configured; otherwise no SMS is planned at all. */
    boolean smsEnabled() {
        return smsUrl != null && !smsUrl.isBlank() && smsAccount != null && smsToken != null && smsFrom != null;
    }
}
