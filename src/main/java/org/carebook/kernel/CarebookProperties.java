package org.carebook.kernel;

import java.nio.file.Path;
import java.time.Duration;

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
        if (rateLimitPerSecond < 1) {
            throw new IllegalArgumentException("CAREBOOK_RATE_LIMIT_PER_SECOND must be at least 1");
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
