package org.carebook.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.carebook.availability.Interval;
import org.carebook.egress.GuardedClients;
import org.carebook.egress.GuardedResolver;
import org.carebook.egress.UrlGuard;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads linked calendars over HTTP, through the same guarded client as webhooks: an .ics address with a
 * conditional GET (its ETag), a CalDAV calendar with its collection tag (a PROPFIND) and, when that changed, one
 * calendar-query REPORT over the window. A calendar that has not changed costs one small request.
 */
@Component
class LinkReader implements DisposableBean {

    /** Larger answers are refused: a clinician's year is far smaller. */
    static final int MOST_BYTES = 10 * 1024 * 1024;

    private static final DateTimeFormatter CALDAV_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What a read found: nothing new since {@code version}, or the calendars' text and their new version. */
    sealed interface Found {}

    record Unchanged() implements Found {}

    record Read(String version, List<String> calendars) implements Found {}

    /** Why a calendar could not be read, in words about the connection, fit to show to the clinic. */
    static final class Failed extends Exception {
        Failed(String why) {
            super(why);
        }
    }

    /** Where and as whom to read. */
    record Source(LinkKind kind, String url, String username, String password, String version) {}

    private final CloseableHttpClient http;

    LinkReader(UrlGuard guard, LinkSettings settings) {
        this.http = GuardedClients.create(guard.reach(), settings.calendarTimeout(), "Carebook-Calendars/1");
    }

    Found read(Source source, Interval window) throws Failed {
        if (UrlGuard.shapeRefusal(source.url()).isPresent()) {
            throw new Failed("the address is not an http or https URL");
        }
        return source.kind() == LinkKind.ICS ? file(source) : caldav(source, window);
    }

    private Found file(Source source) throws Failed {
        var get = request("GET", source);
        if (source.version() != null) {
            get.setHeader("If-None-Match", source.version());
        }
        return send(get, response -> {
            if (response.getCode() == 304) {
                return new Unchanged();
            }
            var etag = Optional.ofNullable(response.getFirstHeader("ETag")).map(h -> h.getValue());
            return new Read(etag.orElse(null), List.of(body(response)));
        });
    }

    private Found caldav(Source source, Interval window) throws Failed {
        var propfind = request("PROPFIND", source);
        propfind.setHeader("Depth", "0");
        propfind.setEntity(xml(CalDav.TAG_QUERY));
        String tag = send(propfind, response -> CalDav.collectionTag(body(response)));
        if (tag != null && tag.equals(source.version())) {
            return new Unchanged();
        }
        var report = request("REPORT", source);
        report.setHeader("Depth", "1");
        report.setEntity(
                xml(CalDav.eventsBetween(CALDAV_TIME.format(window.start()), CALDAV_TIME.format(window.end()))));
        List<String> calendars = send(report, response -> CalDav.calendarData(body(response)));
        return new Read(tag, calendars);
    }

    private static HttpUriRequestBase request(String method, Source source) {
        var request = new HttpUriRequestBase(method, URI.create(source.url()));
        if (source.username() != null) {
            String pair = source.username() + ":" + (source.password() == null ? "" : source.password());
            request.setHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static StringEntity xml(String body) {
        return new StringEntity(body, ContentType.create("application/xml", StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    private interface Answer<T> {
        T from(ClassicHttpResponse response) throws IOException, Failed;
    }

    /** Sends, and hands on a successful answer (2xx, or 304 to a conditional GET); anything else fails the read. */
    private <T> T send(HttpUriRequestBase request, Answer<T> answer) throws Failed {
        try {
            return http.execute(request, response -> {
                int code = response.getCode();
                if (code != 304 && (code < 200 || code > 299)) {
                    return failure(code);
                }
                try {
                    return answer.from(response);
                } catch (Failed e) {
                    throw new IOException(e);
                }
            });
        } catch (GuardedResolver.Refused e) {
            throw new Failed("the address " + e.why());
        } catch (java.net.UnknownHostException e) {
            throw new Failed("the host name does not resolve");
        } catch (IOException e) {
            if (e.getCause() instanceof Failed failed) {
                throw failed;
            }
            throw new Failed("the calendar server could not be reached or did not answer in time");
        }
    }

    private static <T> T failure(int code) throws IOException {
        String why = code == 401 || code == 403
                ? "the calendar server refused the user name and password (" + code + ")"
                : code >= 300 && code < 400
                        ? "the calendar server answered with a redirect (" + code + "), which is not followed"
                        : "the calendar server answered " + code;
        throw new IOException(new Failed(why));
    }

    private static String body(ClassicHttpResponse response) throws IOException, Failed {
        if (response.getEntity() == null) {
            return "";
        }
        try (InputStream in = response.getEntity().getContent()) {
            byte[] bytes = in.readNBytes(MOST_BYTES + 1);
            if (bytes.length > MOST_BYTES) {
                throw new Failed("the calendar is larger than 10 MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
