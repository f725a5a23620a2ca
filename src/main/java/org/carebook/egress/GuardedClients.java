package org.carebook.egress;

import java.net.InetAddress;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP clients for addresses customers give: every connection resolves through a {@link GuardedResolver}; no
 * redirect is followed (it could lead inward), nothing is retried by the client, no proxy settings or cookies are
 * read.
 */
public final class GuardedClients {

    private GuardedClients() {}

    /** A client that reaches only what {@code reach} allows, through the system's name lookup. */
    public static CloseableHttpClient create(Reach reach, Duration timeout, String userAgent) {
        return create(new GuardedResolver(reach, InetAddress::getAllByName), timeout, userAgent);
    }

    /** A client that connects only to the addresses {@code resolver} answers. */
    public static CloseableHttpClient create(GuardedResolver resolver, Duration timeout, String userAgent) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(8)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(userAgent)
                .build();
    }
}
