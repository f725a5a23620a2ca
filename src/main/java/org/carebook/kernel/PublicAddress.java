package org.carebook.kernel;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The address people reach this server at ({@code CAREBOOK_PUBLIC_URL}), for links in e-mails and text
 * messages: staff invitations and resets, and patients' manage links. A link is never built from a
 * request's Host header, which a stranger could set to their own server.
 */
@ConfigurationProperties(prefix = "carebook")
public record PublicAddress(
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    public PublicAddress {
        if (publicUrl.getScheme() == null
                || !(publicUrl.getScheme().equals("http")
                        || publicUrl.getScheme().equals("https"))
                || publicUrl.getHost() == null) {
            throw new IllegalArgumentException("carebook.public-url must be an http or https address");
        }
    }

    /** The public address of a path such as {@code /manage}. */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
