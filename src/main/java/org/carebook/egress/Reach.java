package org.carebook.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Cidr;

/**
 * Which addresses a webhook may connect to. Public unicast only, by default: nothing in the IANA IPv4 and
 * IPv6 special-purpose address registries (private, loopback, link-local, shared, benchmarking,
 * documentation, translation and tunnelling prefixes such as 64:ff9b::/96 and 2002::/16, which lead back
 * to IPv4 addresses), nothing outside IPv6 global unicast, no multicast.
 */
public enum Reach {
    PUBLIC_ONLY,
    ANYWHERE;

    private static final List<Cidr> SPECIAL_V4 = blocks(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.31.196.0/24",
            "192.52.193.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "192.175.48.0/24",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4");
    private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");
    private static final List<Cidr> SPECIAL_V6 = blocks("2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20");

    /** Why this address may not be reached, or empty if it may. */
    public Optional<String> refusal(InetAddress address) {
        if (this == ANYWHERE || !special(address)) {
            return Optional.empty();
        }
        return Optional.of("points to a private, loopback, link-local or otherwise special-purpose address, "
                + "which Carebook may not reach");
    }

    static boolean special(InetAddress address) {
        if (address instanceof Inet4Address) {
            return SPECIAL_V4.stream().anyMatch(block -> block.contains(address));
        }
        if (address instanceof Inet6Address) {
            return !GLOBAL_UNICAST_V6.contains(address)
                    || SPECIAL_V6.stream().anyMatch(block -> block.contains(address));
        }
        return true;
    }

    private static List<Cidr> blocks(String... blocks) {
        return java.util.Arrays.stream(blocks).map(Cidr::parse).toList();
    }
}
