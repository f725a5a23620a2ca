package org.carebook.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.carebook.egress.GuardedClients;
import org.carebook.egress.GuardedResolver;

/**
 * Posts webhooks through a {@link GuardedClients guarded client}; retries nothing itself (the outbox does).
 */
final class WebhookClient implements AutoCloseable {

    /** The receiver's status, and its {@code Retry-After} if it sent one. */
    record Answer(int status, Optional<String> retryAfter) {}

    private final CloseableHttpClient http;

    WebhookClient(Duration timeout, GuardedResolver resolver) {
        this.http = GuardedClients.create(resolver, timeout, "Carebook-Webhooks/1");
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
