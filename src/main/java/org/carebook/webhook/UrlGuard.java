package org.carebook.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.carebook.kernel.CarebookProperties;
import org.carebook.kernel.Mode;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks away from the server's own network (SSRF): a live-mode URL whose host resolves to a
 * loopback, private, link-local or otherwise internal address is refused, when it is saved and again
 * before every send (a name that resolved to a public address may later resolve elsewhere). Test mode
 * allows loopback so integrators can develop locally; {@code CAREBOOK_WEBHOOKS_ALLOW_PRIVATE} allows all.
 */
@Component
class UrlGuard {

    private final boolean allowPrivate;

    UrlGuard(CarebookProperties properties) {
        this.allowPrivate = properties.webhooksAllowPrivate();
    }

    /** Why the URL may not receive webhooks in this mode, or empty if it may. */
    Optional<String> refusal(String url, Mode mode) {
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
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (allowPrivate || (mode == Mode.TEST && address.isLoopbackAddress())) {
                continue;
            }
            if (internal(address)) {
                return Optional.of("points to a private, loopback or link-local address, which webhooks may not reach");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // "this network", carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240; // IETF protocol, reserved
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
