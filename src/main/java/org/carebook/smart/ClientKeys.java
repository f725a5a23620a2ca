package org.carebook.smart;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.carebook.egress.GuardedClients;
import org.carebook.egress.UrlGuard;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A client's public keys: the set it registered, or the one at its JWKS address, fetched through the egress guard
 * and kept for five minutes; a client that rotated its keys is fetched again at once, at most every ten seconds.
 */
@Component
class ClientKeys implements DisposableBean {

    static final Duration KEPT = Duration.ofMinutes(5);
    static final Duration REFETCH_AFTER = Duration.ofSeconds(10);
    private static final int MOST_BYTES = 256 * 1024;

    /** Why the keys could not be had, in words fit for the client. */
    static final class Unavailable extends Exception {
        Unavailable(String why) {
            super(why);
        }
    }

    private record Fetched(JWKSet keys, Instant at) {}

    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();
    private final CloseableHttpClient http;
    private final Clock clock;

    ClientKeys(UrlGuard guard, Clock clock) {
        this.http = GuardedClients.create(guard.reach(), Duration.ofSeconds(10), "Carebook-SMART/1");
        this.clock = clock;
    }

    /** The client's keys; {@code fresh} asks for the JWKS address again unless it was read moments ago. */
    JWKSet of(SmartClientRepository.Row client, boolean fresh) throws Unavailable {
        if (client.jwks() != null) {
            return parse(client.jwks());
        }
        Instant now = clock.instant();
        var known = fetched.get(client.view().id());
        if (known != null && known.at().plus(fresh ? REFETCH_AFTER : KEPT).isAfter(now)) {
            return known.keys();
        }
        var keys = parse(fetch(client.view().jwksUrl()));
        fetched.put(client.view().id(), new Fetched(keys, now));
        return keys;
    }

    private String fetch(String url) throws Unavailable {
        try {
            return http.execute(new HttpGet(url), response -> {
                if (response.getCode() != 200 || response.getEntity() == null) {
                    return null;
                }
                try (InputStream in = response.getEntity().getContent()) {
                    byte[] bytes = in.readNBytes(MOST_BYTES + 1);
                    return bytes.length > MOST_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
                }
            });
        } catch (IOException e) {
            throw new Unavailable("the client's JWKS address could not be read");
        }
    }

    private static JWKSet parse(String json) throws Unavailable {
        if (json == null) {
            throw new Unavailable("the client's JWKS address did not answer a key set");
        }
        try {
            return JWKSet.parse(json).toPublicJWKSet();
        } catch (ParseException e) {
            throw new Unavailable("the client's key set is not a JWKS");
        }
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
