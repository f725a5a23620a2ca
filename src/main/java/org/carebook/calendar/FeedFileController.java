package org.carebook.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.carebook.kernel.CarebookException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subscription's file, for calendar apps: no key, the token in the address is the credential. A client that
 * sends the last entity tag back is answered 304 with nothing to download; answers may be kept five minutes.
 */
@RestController
class FeedFileController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final CacheControl KEPT =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private final CalendarFeeds feeds;

    FeedFileController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(CalendarFeeds.PATH + "{file}")
    ResponseEntity<String> file(
            @PathVariable String file, @RequestHeader(name = "If-None-Match", required = false) String known) {
        if (!file.endsWith(".ics")) {
            throw missing();
        }
        var feed = feeds.file(file.substring(0, file.length() - 4)).orElseThrow(FeedFileController::missing);
        if (feed.etag().equals(known)) {
            return ResponseEntity.status(304)
                    .eTag(feed.etag())
                    .cacheControl(KEPT)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .eTag(feed.etag())
                .cacheControl(KEPT)
                .body(feed.text());
    }

    private static CarebookException missing() {
        return CarebookException.notFound("No such calendar, or it was revoked.");
    }
}
