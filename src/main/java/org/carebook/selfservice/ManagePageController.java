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
 * stays in the browser, which sends it to the API as the bearer credential.
 */
@RestController
class ManagePageController {

    private final String page;

    ManagePageController() throws IOException {
        this.page = new ClassPathResource("selfservice/manage.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping("/manage")
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(page);
    }
}
