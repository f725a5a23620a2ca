package org.carebook.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps every request Carebook makes to an address a customer gave (webhooks, linked calendars) away from the
 * server's own network (SSRF). A URL is checked when it is saved, for a clear
 * 422, and every send resolves its host once more through a {@link GuardedResolver}, which connects only to
 * the addresses it checked. Both modes reach public addresses only: a test-mode key is as easy to come by as
 * a live one, so it must not reach the server's neighbours either. {@code CAREBOOK_WEBHOOKS_ALLOW_PRIVATE}
 * allows every address, for a developer's machine or a private network.
 */
@Component
public class UrlGuard {

    private final Reach reach;

    UrlGuard(EgressSettings settings) {
        this.reach = reach(settings.webhooksAllowPrivate());
    }

    /** Which addresses may be reached; give it to a {@link GuardedResolver} for every connection. */
    public Reach reach() {
        return reach;
    }

    public static Reach reach(boolean allowPrivate) {
        return allowPrivate ? Reach.ANYWHERE : Reach.PUBLIC_ONLY;
    }

    /** Why the URL may not be reached, or empty if it may (as its host resolves now). */
    public Optional<String> refusal(String url) {
        var shape = shapeRefusal(url);
        if (shape.isPresent()) {
            return shape;
        }
        try {
            new GuardedResolver(reach, InetAddress::getAllByName)
                    .resolve(URI.create(url).getHost());
            return Optional.empty();
        } catch (GuardedResolver.Refused e) {
            return Optional.of(e.why());
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
    }

    /** What is wrong with the URL itself, before any lookup. */
    public static Optional<String> shapeRefusal(String url) {
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
