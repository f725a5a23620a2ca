package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** One family of forwarding headers, the one the proxies write; the other is the client's own and ignored. */
class TrustedProxiesTest {

    @Test
    void xForwardedIsReadByDefaultAndForwardedIgnored() {
        var proxies = proxies("x-forwarded");

        var request = fromProxy("Forwarded", "for=198.51.100.9;proto=https");
        request.addHeader("X-Forwarded-For", "203.0.113.7");

        var resolved = proxies.resolve(request);
        assertThat(resolved.getRemoteAddr()).isEqualTo("203.0.113.7");
        assertThat(resolved.getScheme()).isEqualTo("http");
    }

    @Test
    void forwardedIsReadWhenChosenAndXForwardedIgnored() {
        var proxies = proxies("forwarded");

        var request = fromProxy("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.2");
        request.addHeader("X-Forwarded-For", "198.51.100.9");

        var resolved = proxies.resolve(request);
        assertThat(resolved.getRemoteAddr()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolved.getScheme()).isEqualTo("https");
        assertThat(proxies.resolve(fromProxy("X-Forwarded-For", "198.51.100.9")).getRemoteAddr())
                .isEqualTo("10.0.0.1");
    }

    @Test
    void anyOtherFamilyIsRefusedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings("both"))
                .hasMessageContaining("CAREBOOK_FORWARDED_HEADERS");
    }

    private static TrustedProxies proxies(String family) {
        return new TrustedProxies(settings(family));
    }

    private static EdgeSettings settings(String family) {
        return new EdgeSettings(null, 200, 20, 20, List.of("10.0.0.0/8"), family, "process");
    }

    private static MockHttpServletRequest fromProxy(String header, String value) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.1");
        request.addHeader(header, value);
        return request;
    }
}
