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
 * {@code GET /manage}: the page a manage link opens. It is the same for everyone; the token after {@code #}
 * stays in the browser, which sends it to the API as the bearer credential. A strict Content-Security-Policy:
 * the page holds a credential, so nothing but this server's own script, styles and API may run or be reached.
 */
@RestController
class ManagePageController {

    static final String CONTENT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private final String page;

    ManagePageController() throws IOException {
        this.page = new ClassPathResource("selfservice/manage.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping("/manage")
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_POLICY)
                .body(page);
    }
}
