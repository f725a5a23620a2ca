package org.carebook.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core, run in the page, against the WCAG 2.1 A and AA rules a machine can check (contrast, names, labels,
 * landmarks, ARIA); it looks into open shadow roots, so the widget is checked as well as the console.
 */
public final class Axe {

    /** The axe-core WebJar's version, as in the pom. */
    private static final String SOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static final String RUN = """
            async () => (await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
              .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""";

    private Axe() {}

    /** Each violation on the page as it is now, named after {@code name}. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page, String name) {
        page.evaluate(source());
        var violations = (List<String>) page.evaluate(RUN);
        return violations.stream().map(v -> name + " → " + v).toList();
    }

    private static String source() {
        try (var in = Axe.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + SOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
