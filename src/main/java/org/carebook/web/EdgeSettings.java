package org.carebook.web;

import java.util.List;
import org.carebook.kernel.Cidr;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The edge's {@code CAREBOOK_*} settings: the admin token, rate limits and the proxies to believe. */
@ConfigurationProperties(prefix = "carebook")
record EdgeSettings(
        String adminToken,
        @DefaultValue("200") int rateLimitPerSecond,
        @DefaultValue("20") int rateLimitPerIpPerSecond,
        @DefaultValue("20") int authFailuresPerMinute,
        List<String> trustedProxies) {

    EdgeSettings {
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
