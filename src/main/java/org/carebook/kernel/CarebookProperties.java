package org.carebook.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code CAREBOOK_*} setting. Unknown names under {@code carebook.} stop start-up, and so do
 * values that do not parse, so a typo in a deployment never silently falls back to a default.
 */
@ConfigurationProperties(prefix = "carebook", ignoreUnknownFields = false)
public record CarebookProperties(
        @DefaultValue("./data") Path dataDir,
        String adminToken,
        @DefaultValue("PT15M") Duration holdTtl,
        @DefaultValue("PT30S") Duration holdSweep,
        Boolean demo,
        @DefaultValue("200") int rateLimitPerSecond,
        @DefaultValue("20") int rateLimitPerIpPerSecond,
        @DefaultValue("20") int authFailuresPerMinute,
        List<String> trustedProxies,
        @DefaultValue("10") int smsPerPhonePerDay,
        @DefaultValue("20") int emailsPerAddressPerDay,
        @DefaultValue("false") boolean webhooksAllowPrivate,
        @DefaultValue("PT1S") Duration webhookPoll,
        @DefaultValue("PT10S") Duration webhookTimeout,
        @DefaultValue("PT5S") Duration webhookFirstRetry,
        @DefaultValue("PT5S") Duration notificationPoll,
        @DefaultValue("Carebook <no-reply@carebook.invalid>") String mailFrom,
        String smsUrl,
        String smsAccount,
        String smsToken,
        String smsFrom,
        @DefaultValue("20") int databasePoolSize,
        @DefaultValue("32") int availabilityCacheMb) {

    public CarebookProperties {
        if (holdTtl.isNegative() || holdTtl.isZero()) {
            throw new IllegalArgumentException("CAREBOOK_HOLD_TTL must be a positive ISO-8601 duration such as PT15M");
        }
        if (holdSweep.isNegative()) {
            throw new IllegalArgumentException("CAREBOOK_HOLD_SWEEP must be an ISO-8601 duration such as PT30S (PT0S: off)");
        }
        if (notificationPoll.isNegative()) {
            throw new IllegalArgumentException("CAREBOOK_NOTIFICATION_POLL must be an ISO-8601 duration such as PT5S (PT0S: off)");
        }
        if (webhookPoll.isNegative()) {
            throw new IllegalArgumentException("CAREBOOK_WEBHOOK_POLL must be an ISO-8601 duration such as PT1S (PT0S: off)");
        }
        if (webhookTimeout.isNegative() || webhookTimeout.isZero() || webhookFirstRetry.isNegative()
                || webhookFirstRetry.isZero() || webhookFirstRetry.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("CAREBOOK_WEBHOOK_TIMEOUT must be positive, and "
                    + "CAREBOOK_WEBHOOK_FIRST_RETRY positive and at most PT30S");
        }
        if (databasePoolSize < 2) {
            throw new IllegalArgumentException("CAREBOOK_DATABASE_POOL_SIZE must be at least 2");
        }
        if (availabilityCacheMb < 0) {
            throw new IllegalArgumentException("CAREBOOK_AVAILABILITY_CACHE_MB must be 0 (off) or more");
        }
        if (rateLimitPerSecond < 1 || rateLimitPerIpPerSecond < 1 || authFailuresPerMinute < 1) {
            throw new IllegalArgumentException("CAREBOOK_RATE_LIMIT_PER_SECOND, CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND "
                    + "and CAREBOOK_AUTH_FAILURES_PER_MINUTE must be at least 1");
        }
        if (smsPerPhonePerDay < 0 || emailsPerAddressPerDay < 0) {
            throw new IllegalArgumentException("CAREBOOK_SMS_PER_PHONE_PER_DAY and CAREBOOK_EMAILS_PER_ADDRESS_PER_DAY "
                    + "must be 0 or more");
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            try {
                Cidr.parse(proxy);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CAREBOOK_TRUSTED_PROXIES must list IP addresses or CIDR blocks "
                        + "separated by commas: " + e.getMessage());
            }
        }
    }

    /** SMS goes out only when a provider is fully configured; otherwise no SMS is planned at all. */
    public boolean smsEnabled() {
        return smsUrl != null && !smsUrl.isBlank() && smsAccount != null && smsToken != null && smsFrom != null;
    }

    public boolean adminEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }
}
