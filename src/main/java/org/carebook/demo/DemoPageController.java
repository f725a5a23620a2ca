package org.carebook.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/** {@code GET /}: the booking widget on the demo clinic, with the snippet a clinic pastes. */
@RestController
class DemoPageController {

    private final DemoClinic demo;
    private final String page;

    DemoPageController(DemoClinic demo) throws IOException {
        this.demo = demo;
        this.page = new ClassPathResource("demo/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping("/")
    ResponseEntity<String> page() {
        String origin =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return demo.publishableKey()
                .map(key -> ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(page.replace("{{publishable_key}}", HtmlUtils.htmlEscape(key))
                                .replace("{{origin}}", HtmlUtils.htmlEscape(origin))))
                .orElseGet(() -> ResponseEntity.status(404)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("The demo clinic is not set up on this server (CAREBOOK_DEMO=true creates it).\n"));
    }
}
