package org.carebook.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.carebook.kernel.Mode;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks away from the server's own network (SSRF). A URL is checked when it is saved, for a clear
 * 422, and every send resolves its host once more through a {@link GuardedResolver}, which connects only to
 * the addresses it checked. Live mode reaches public addresses only. Test mode may also reach loopback, so
 * integrators can develop locally, but only on a server running its embedded database (a developer's
 * machine); {@code CAREBOOK_WEBHOOKS_ALLOW_PRIVATE} allows every address in both modes.
 */
@Component
class UrlGuard {

    private final boolean allowPrivate;
    private final boolean developerServer;

    UrlGuard(WebhookSettings properties, Environment environment) {
        this.allowPrivate = properties.webhooksAllowPrivate();
        this.developerServer = environment.getProperty("DATABASE_URL", "").isBlank();
    }

    Reach reach(Mode mode) {
        return reach(mode, allowPrivate, developerServer);
    }

    static Reach reach(Mode mode, boolean allowPrivate, boolean developerServer) {
        if (allowPrivate) {
            return Reach.ANYWHERE;
        }
        return mode == Mode.TEST && developerServer ? Reach.PUBLIC_AND_LOOPBACK : Reach.PUBLIC_ONLY;
    }

    /** Why the URL may not receive webhooks in this mode, or empty if it may (as its host resolves now). */
    Optional<String> refusal(String url, Mode mode) {
        var shape = shapeRefusal(url);
        if (shape.isPresent()) {
            return shape;
        }
        try {
            new GuardedResolver(reach(mode), InetAddress::getAllByName)
                    .resolve(URI.create(url).getHost());
            return Optional.empty();
        } catch (GuardedResolver.Refused e) {
            return Optional.of(e.why());
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
    }

    /** What is wrong with the URL itself, before any lookup. */
    static Optional<String> shapeRefusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return Optional.of("must be an http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        return Optional.empty();
    }
}
