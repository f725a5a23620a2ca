package org.carebook.demo;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo clinic on start-up when {@code CAREBOOK_DEMO} is on (by default, only on the embedded
 * database). Its keys go to the console once, when created, and never to the log.
 */
@Component
class DemoSeeder {

    private final DemoClinic demo;
    private final DemoSettings properties;
    private final Environment environment;

    DemoSeeder(DemoClinic demo, DemoSettings properties, Environment environment) {
        this.demo = demo;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        boolean embedded = environment.getProperty("DATABASE_URL", "").isBlank();
        if (!(properties.demo() == null ? embedded : properties.demo())) {
            return;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        var origins = List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
        demo.seedOnce(origins).ifPresent(seeded -> {
            var text =
                    new StringBuilder("\n  Carebook demo clinic created. Its test-mode keys, shown only this once:\n");
            seeded.keys()
                    .forEach(k -> text.append("    ")
                            .append(String.format("%-26s", k.name()))
                            .append(k.key())
                            .append('\n'));
            text.append("  Console accounts (sign in at http://localhost:")
                    .append(port)
                    .append("/console):\n");
            seeded.accounts()
                    .forEach(a -> text.append("    ")
                            .append(String.format("%-26s", a.email()))
                            .append(a.password())
                            .append("   (")
                            .append(a.role().wire())
                            .append(")\n"));
            text.append("  Open http://localhost:")
                    .append(port)
                    .append(
                            "/ for the booking widget, /docs for the API, /console/test/day for the demo's calendar.\n");
            System.out.println(text);
        });
    }
}
