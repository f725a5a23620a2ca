package org.carebook.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;

/**
 * What shared rate limits cost a request: the cheapest authenticated read ({@code GET /v1/organization} with a
 * secret key: one bucket) and a public key's read ({@code GET /v1/appointment-types}: two buckets, the
 * address's and the key's), 16 clients each. {@code bench/rate-limits.sh} runs it against a server keeping
 * its buckets in the database and one keeping them in the process.
 */
public final class RateLimitBench {

    private RateLimitBench() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        var org = ApiTest.organization(new Api(base, args[1]), "Rate limits " + System.nanoTime());
        long serverPid = Long.parseLong(args[2]);
        var measure = Duration.ofSeconds(Integer.parseInt(args[3]));
        String store = args[4];
        // A fresh JVM each time: long enough for the JIT that the two stores are compared warm.
        var warmUp = Duration.ofSeconds(20);
        var secret = Load.run(
                "secret/" + store,
                16,
                warmUp,
                measure,
                serverPid,
                client -> get(base, "/v1/organization", org.live().key()));
        var publishable = Load.run(
                "publishable/" + store,
                16,
                warmUp,
                measure,
                serverPid,
                client -> get(base, "/v1/appointment-types", org.publishableKey()));
        System.out.println(secret.line());
        System.out.println(publishable.line());
    }

    private static int get(String base, String path, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .build();
        return Load.HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
