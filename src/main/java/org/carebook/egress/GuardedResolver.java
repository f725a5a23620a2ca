package org.carebook.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The webhook client's only way to turn a host name into addresses: one lookup, every address checked
 * against the {@link Reach}, and the client connects to exactly the addresses returned here. Checking a name
 * and then letting the client look it up again would let a name that answers a public address to the check
 * answer a private one to the connection (DNS rebinding); so would trusting only the first address.
 */
public final class GuardedResolver implements DnsResolver {

    /** How a name becomes addresses: the system resolver, or a stand-in in tests. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** A name whose addresses Carebook may not reach; an {@link UnknownHostException}, so no connection is tried. */
    public static final class Refused extends UnknownHostException {

        private final String why;

        Refused(String host, String why) {
            super(host + " " + why);
            this.why = why;
        }

        public String why() {
            return why;
        }
    }

    private final Reach reach;
    private final Lookup lookup;

    public GuardedResolver(Reach reach, Lookup lookup) {
        this.reach = reach;
        this.lookup = lookup;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.addresses(host);
        for (InetAddress address : addresses) {
            var refusal = reach.refusal(address);
            if (refusal.isPresent()) {
                throw new Refused(host, refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never asked of DNS: the name is used as given, for TLS too
    }
}
