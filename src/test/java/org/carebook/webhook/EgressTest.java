package org.carebook.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.carebook.egress.GuardedResolver;
import org.carebook.egress.Reach;
import org.carebook.egress.UrlGuard;
import org.carebook.support.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where webhook deliveries may connect, through the real HTTP client against a real receiver on loopback.
 * Only the name lookup is a stand-in: it answers what a hostile DNS server would.
 */
class EgressTest {

    private final Receiver receiver = receiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aNameAnsweringAPublicAddressFirstAndLoopbackSecondIsRefusedWithoutConnecting() {
        GuardedResolver.Lookup hostile = host -> addresses("93.184.216.34", "127.0.0.1");
        try (var client = new WebhookClient(Duration.ofSeconds(2), new GuardedResolver(Reach.PUBLIC_ONLY, hostile))) {
            assertThatThrownBy(() -> client.post(urlAt("rebind.example"), Map.of(), "{}"))
                    .isInstanceOf(GuardedResolver.Refused.class)
                    .hasMessageContaining("special-purpose");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void theConnectionGoesToTheAddressesThatWereCheckedWithoutASecondLookup() throws Exception {
        var lookups = new AtomicInteger();
        // A rebinding name: loopback (allowed here) the first time, then a documentation address.
        GuardedResolver.Lookup rebinding =
                host -> lookups.getAndIncrement() == 0 ? addresses("127.0.0.1") : addresses("192.0.2.1");
        try (var client = new WebhookClient(Duration.ofSeconds(2), new GuardedResolver(Reach.ANYWHERE, rebinding))) {
            var answer = client.post(urlAt("rebind.example"), Map.of("webhook-id", "evt_1"), "{\"id\":\"evt_1\"}");
            assertThat(answer.status()).isEqualTo(204);
        }
        assertThat(lookups).hasValue(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anAddressWrittenInTheUrlIsCheckedLikeAName() throws Exception {
        try (var client = new WebhookClient(
                Duration.ofSeconds(2), new GuardedResolver(Reach.PUBLIC_ONLY, InetAddress::getAllByName))) {
            assertThatThrownBy(() -> client.post(receiver.url(), Map.of(), "{}"))
                    .isInstanceOf(GuardedResolver.Refused.class);
        }
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void everySpecialPurposeRangeIsRefusedAndPublicAddressesAreNot() throws Exception {
        for (String special : List.of(
                "0.0.0.0",
                "10.1.2.3",
                "100.64.0.1",
                "127.0.0.1",
                "169.254.169.254",
                "172.16.0.1",
                "192.0.0.8",
                "192.0.2.1",
                "192.88.99.1",
                "192.168.1.1",
                "198.18.0.1",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "::ffff:127.0.0.1",
                "64:ff9b::7f00:1",
                "64:ff9b:1::1",
                "100::1",
                "2001::1",
                "2001:db8::1",
                "2002:7f00:1::1",
                "3fff::1",
                "5f00::1",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "ff02::1")) {
            assertThat(Reach.PUBLIC_ONLY.refusal(InetAddress.getByName(special)).isPresent())
                    .as(special)
                    .isTrue();
        }
        for (String publicAddress :
                List.of("93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4009:80b::200e")) {
            assertThat(Reach.PUBLIC_ONLY
                            .refusal(InetAddress.getByName(publicAddress))
                            .isPresent())
                    .as(publicAddress)
                    .isFalse();
        }
    }

    @Test
    void loopbackIsReachedOnlyWhenPrivateAddressesAreAllowed() {
        assertThat(UrlGuard.reach(false)).isEqualTo(Reach.PUBLIC_ONLY);
        assertThat(UrlGuard.reach(true)).isEqualTo(Reach.ANYWHERE);
        assertThat(Reach.PUBLIC_ONLY.refusal(InetAddress.getLoopbackAddress())).isPresent();
        assertThat(Reach.ANYWHERE.refusal(InetAddress.getLoopbackAddress())).isEmpty();
    }

    private String urlAt(String host) {
        return receiver.url().replace("127.0.0.1", host);
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        var all = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            all[i] = InetAddress.getByName(literals[i]);
        }
        return all;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Receiver receiver() {
        try {
            return new Receiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
