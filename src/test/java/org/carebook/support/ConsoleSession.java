package org.carebook.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console as a plain HTTP client with a cookie jar, as a browser without JavaScript: it reads each form's
 * CSRF token from the page and posts it back. The jar is shared by every server process on localhost.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String forwardedFor;

    public ConsoleSession() {
        this(null);
    }

    /** A browser behind a trusted proxy that says the browser's address is {@code forwardedFor}. */
    public ConsoleSession(String forwardedFor) {
        this.forwardedFor = forwardedFor;
    }

    /** An invitation of {@code org} (live key), returning the path where its password is set. */
    public static String invite(ApiTest.Org org, String email, String role) {
        return invite(org, Map.of("email", email, "name", "Sam Desk", "role", role));
    }

    /** A clinician's invitation: the account sees that clinician's patients only. */
    public static String inviteClinician(ApiTest.Org org, String email, String name, String clinicianId) {
        return invite(org, Map.of("email", email, "name", name, "role", "clinician", "clinician_id", clinicianId));
    }

    private static String invite(ApiTest.Org org, Map<String, String> body) {
        var invited = org.live().post("/v1/staff", body);
        if (invited.status() != 201) {
            throw new IllegalStateException("could not invite: " + invited);
        }
        return invited.data().get("invitation_path").stringValue();
    }

    public HttpResponse<String> accept(String base, String invitationPath, String password) {
        var page = get(base, invitationPath);
        return post(base, invitationPath, "password=" + encode(password) + "&_csrf=" + csrf(page.body()));
    }

    public HttpResponse<String> signIn(String base, String email, String password) {
        var login = get(base, "/console/login");
        return post(
                base,
                "/console/login",
                "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + csrf(login.body()));
    }

    public HttpResponse<String> signOut(String base, String pageWithTheButton) {
        var page = get(base, pageWithTheButton);
        return post(base, "/console/logout", "_csrf=" + csrf(page.body()));
    }

    /** Posts a form with the CSRF token of the page at {@code pageWithAForm}, as a browser would from that page. */
    public HttpResponse<String> postWithToken(String base, String pageWithAForm, String path, String form) {
        var page = get(base, pageWithAForm);
        return post(base, path, form + "&_csrf=" + csrf(page.body()));
    }

    public HttpResponse<String> get(String base, String path) {
        return send(request(base, path).build());
    }

    public HttpResponse<String> post(String base, String path, String form) {
        return send(request(base, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpRequest.Builder request(String base, String path) {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    /** Where a redirect points, or an empty string. */
    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String html) {
        var matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return matcher.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
