package org.carebook.selfservice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /manage}: the page a manage link opens ({@code GET /offer} likewise for a waitlist offer's link). It is the same for everyone; the token after {@code #}
 * stays in the browser, which sends it to the API as the bearer credential. A strict Content-Security-Policy:
 * the page holds a credential, so nothing but this server's own script, styles and API may run or be reached.
 */
@RestController
class ManagePageController {

    static final String CONTENT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private final String page;
    private final String offerPage;

    ManagePageController() throws IOException {
        this.page = new ClassPathResource("selfservice/manage.html").getContentAsString(StandardCharsets.UTF_8);
        this.offerPage = new ClassPathResource("selfservice/offer.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping("/manage")
    ResponseEntity<String> page() {
        return html(page);
    }

    /** The page a waitlist offer's link opens, made the same way: the offer's token is its credential. */
    @GetMapping("/offer")
    ResponseEntity<String> offer() {
        return html(offerPage);
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_POLICY)
                .body(page);
    }
}
