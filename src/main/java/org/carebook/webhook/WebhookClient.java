package org.carebook.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts webhooks: resolves through a {@link GuardedResolver}, follows no redirect, retries nothing itself
 * (the outbox does), reads no proxy settings, keeps no cookies.
 */
final class WebhookClient implements AutoCloseable {

    /** The receiver's status, and its {@code Retry-After} if it sent one. */
    record Answer(int status, Optional<String> retryAfter) {}

    private final CloseableHttpClient http;

    WebhookClient(Duration timeout, GuardedResolver resolver) {
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
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Carebook-Webhooks/1")
                .build();
    }

    Answer post(String url, Map<String, String> headers, String body) throws IOException {
        var post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return http.execute(post, response -> {
            var retryAfter = response.getFirstHeader("Retry-After");
            return new Answer(
                    response.getCode(), Optional.ofNullable(retryAfter).map(h -> h.getValue()));
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
