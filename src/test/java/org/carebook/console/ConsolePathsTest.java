package org.carebook.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A {@code back} a page or form gives is a console path, or the console's home: never a link elsewhere. */
class ConsolePathsTest {

    @Test
    void consolePathsAreKept() {
        assertThat(ConsolePaths.back("/console/day?location=loc_1&date=2027-03-16"))
                .isEqualTo("/console/day?location=loc_1&date=2027-03-16");
        assertThat(ConsolePaths.back("/console/test/week")).isEqualTo("/console/test/week");
        assertThat(ConsolePaths.back("/console")).isEqualTo("/console");
    }

    @Test
    void anythingElseBecomesTheConsolesHome() {
        for (String hostile : new String[] {
            null,
            "",
            "javascript:alert(1)",
            "//evil.example/console/",
            "https://evil.example/console/day",
            "/console//evil.example",
            "/console/../admin/v1/organizations",
            "/console/\\evil.example",
            "/console/day\r\nSet-Cookie: x=y",
            "/consoleevil",
            " /console/day"
        }) {
            assertThat(ConsolePaths.back(hostile)).as(String.valueOf(hostile)).isEqualTo("/console");
        }
    }
}
