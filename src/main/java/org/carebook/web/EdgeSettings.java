package org.carebook.web;

import java.util.List;
import org.carebook.kernel.Cidr;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The edge's {@code CAREBOOK_*} settings: the admin token, rate limits and where their buckets live, the
 * proxies to believe, and which one family of forwarding headers they write ({@code CAREBOOK_FORWARDED_HEADERS}:
 * {@code x-forwarded}, the default, or {@code forwarded}); the other family is ignored, so a client cannot
 * send its own.
 */
@ConfigurationProperties(prefix = "carebook")
record EdgeSettings(
        String adminToken,
        @DefaultValue("200") int rateLimitPerSecond,
        @DefaultValue("20") int rateLimitPerIpPerSecond,
        @DefaultValue("20") int authFailuresPerMinute,
        List<String> trustedProxies,
        @DefaultValue("x-forwarded") String forwardedHeaders,
        @DefaultValue("database") String rateLimitStore) {

    static final String X_FORWARDED = "x-forwarded";
    static final String FORWARDED = "forwarded";
    static final String DATABASE = "database";

    EdgeSettings {
        if (!DATABASE.equals(rateLimitStore) && !"process".equals(rateLimitStore)) {
            throw new IllegalArgumentException("CAREBOOK_RATE_LIMIT_STORE must be database (limits shared by every "
                    + "server process) or process (each process counts alone)");
        }
        if (!X_FORWARDED.equals(forwardedHeaders) && !FORWARDED.equals(forwardedHeaders)) {
            throw new IllegalArgumentException(
                    "CAREBOOK_FORWARDED_HEADERS must be x-forwarded (X-Forwarded-For and X-Forwarded-Proto) or "
                            + "forwarded (RFC 7239), whichever your proxy writes");
        }
        if (rateLimitPerSecond < 1 || rateLimitPerIpPerSecond < 1 || authFailuresPerMinute < 1) {
            throw new IllegalArgumentException("CAREBOOK_RATE_LIMIT_PER_SECOND, CAREBOOK_RATE_LIMIT_PER_IP_PER_SECOND "
                    + "and CAREBOOK_AUTH_FAILURES_PER_MINUTE must be at least 1");
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

    boolean adminEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }
}
