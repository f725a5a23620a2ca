package org.carebook.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the API: what an integrator's code does, with nothing of Spring in between. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String key;
    private final List<String> headers;

    public Api(String base, String key) {
        this(base, key, List.of());
    }

    private Api(String base, String key, List<String> headers) {
        this.base = base;
        this.key = key;
        this.headers = headers;
    }

    public String base() {
        return base;
    }

    public String key() {
        return key;
    }

    /** The same client sending one more header with every request. */
    public Api with(String name, String value) {
        var more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new Api(base, key, more);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** Sends a body as given: a String goes verbatim, anything else as JSON. */
    public Response send(String method, String path, Object body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            if (headers.stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return execute(builder.build());
    }

    public static Response execute(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String text) {

        public JsonNode json() {
            return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        }

        public JsonNode data() {
            return json().get("data");
        }

        public String id() {
            return data().get("id").stringValue();
        }

        public JsonNode error() {
            return json().get("error");
        }

        public String reason() {
            return error() == null ? null : error().get("reason").stringValue();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
