package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carebook.kernel.Cidr;
import org.springframework.stereotype.Component;

/**
 * Who the client is behind load balancers ({@code CAREBOOK_TRUSTED_PROXIES}). One family of headers is read,
 * the one the proxies write ({@code CAREBOOK_FORWARDED_HEADERS}): {@code X-Forwarded-For} with
 * {@code X-Forwarded-Proto} (the default), or {@code Forwarded} (RFC 7239); the other is ignored, since a
 * proxy that writes one passes the other through from the client untouched. They are believed only when
 * the peer is a trusted proxy; the client is then the rightmost address of the chain that is not itself a
 * trusted proxy, so an address a client writes into the header itself is never taken. With no trusted
 * proxies (the default) the headers are ignored.
 */
@Component
class TrustedProxies {

    private final List<Cidr> trusted;
    private final boolean rfc7239;

    TrustedProxies(EdgeSettings properties) {
        this.trusted = properties.trustedProxies().stream().map(Cidr::parse).toList();
        this.rfc7239 = EdgeSettings.FORWARDED.equals(properties.forwardedHeaders());
    }

    /** The request as its client sent it: address and scheme read through trusted proxies. */
    HttpServletRequest resolve(HttpServletRequest request) {
        if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            return request;
        }
        List<Hop> hops = rfc7239 ? fromForwarded(joined(request, "Forwarded")) : fromXForwarded(request);
        if (hops.isEmpty()) {
            return request;
        }
        int client = hops.size() - 1;
        while (client > 0
                && hops.get(client).address() != null
                && isTrusted(hops.get(client).address())) {
            client--;
        }
        Hop hop = hops.get(client);
        if (hop.address() == null) { // "unknown" or an obfuscated name: the last proxy that saw it is all we know
            hop = client + 1 < hops.size() ? hops.get(client + 1) : new Hop(request.getRemoteAddr(), hop.proto());
        }
        String scheme = hop.proto() == null ? request.getScheme() : hop.proto();
        return new Forwarded(request, hop.address(), scheme);
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> parsed = Cidr.literal(address);
        return parsed.isPresent() && trusted.stream().anyMatch(block -> block.contains(parsed.get()));
    }

    /** One address in the chain, left (the client) to right (the proxy nearest us), with the scheme it saw. */
    private record Hop(String address, String proto) {}

    private static List<Hop> fromForwarded(String header) {
        var hops = new ArrayList<Hop>();
        if (header == null) {
            return hops;
        }
        for (String element : header.split(",")) {
            String address = null;
            String proto = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = pair.substring(eq + 1).strip().replace("\"", "");
                if (name.equals("for")) {
                    address = hostOf(value);
                } else if (name.equals("proto")) {
                    proto = scheme(value);
                }
            }
            hops.add(new Hop(address, proto));
        }
        return hops;
    }

    private static List<Hop> fromXForwarded(HttpServletRequest request) {
        String forwardedFor = joined(request, "X-Forwarded-For");
        if (forwardedFor == null) {
            return List.of();
        }
        List<String> addresses =
                Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
        String protoHeader = joined(request, "X-Forwarded-Proto");
        List<String> protos = protoHeader == null
                ? List.of()
                : Arrays.stream(protoHeader.split(",")).map(String::strip).toList();
        var hops = new ArrayList<Hop>();
        for (int i = 0; i < addresses.size(); i++) {
            // Lists of equal length pair up; otherwise the nearest proxy's word stands for every hop.
            String proto = protos.size() == addresses.size()
                    ? protos.get(i)
                    : protos.isEmpty() ? null : protos.get(protos.size() - 1);
            hops.add(new Hop(hostOf(addresses.get(i)), scheme(proto)));
        }
        return hops;
    }

    /** The address of {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711} or a bare IPv6. */
    private static String hostOf(String value) {
        String host = value;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? host : host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return Cidr.literal(host).map(InetAddress::getHostAddress).orElse(null);
    }

    private static String scheme(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.equals("https") || lower.equals("http") ? lower : null;
    }

    /** Every value of a header that may be sent more than once, as one comma-separated list. */
    private static String joined(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        return String.join(",", java.util.Collections.list(values));
    }

    /** The request with the client's address and scheme in place of the proxy's. */
    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String address;
        private final String scheme;

        Forwarded(HttpServletRequest request, String address, String scheme) {
            super(request);
            this.address = address;
            this.scheme = scheme;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return "https".equals(scheme);
        }
    }
}
