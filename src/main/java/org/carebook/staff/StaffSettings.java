package org.carebook.staff;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where links in staff e-mails point ({@code CAREBOOK_PUBLIC_URL}, the address clinic staff reach the server
 * at) and whom they come from. The link is never built from the request's Host header, which a stranger
 * asking for someone else's reset could set to their own server.
 */
@ConfigurationProperties(prefix = "carebook")
record StaffSettings(
        @DefaultValue("http://localhost:8080") URI publicUrl,

        @DefaultValue("Carebook <no-reply@carebook.invalid>")
        String mailFrom) {

    StaffSettings {
        if (publicUrl.getScheme() == null
                || !(publicUrl.getScheme().equals("http")
                        || publicUrl.getScheme().equals("https"))
                || publicUrl.getHost() == null) {
            throw new IllegalArgumentException("carebook.public-url must be an http or https address");
        }
    }

    String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
