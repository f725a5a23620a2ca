package org.carebook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Settings that cannot work stop the server at once with a message that names them. */
class StartupTest {

    @Test
    void anUnknownCarebookSettingStopsStartUp() {
        assertThatThrownBy(() -> start("--carebook.hold-ttl-minutes=5"))
                .hasStackTraceContaining("carebook.hold-ttl-minutes");
    }

    @Test
    void anInvalidSettingStopsStartUp() {
        assertThatThrownBy(() -> start("--carebook.hold-ttl=fifteen minutes"))
                .hasStackTraceContaining("carebook.hold-ttl");
    }

    @Test
    void anUnreachableDatabaseFailsFastWithOneClearMessage() {
        assertThatThrownBy(() -> start("--DATABASE_URL=postgres://nobody:secret@127.0.0.1:1/none"))
                .hasStackTraceContaining("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/none")
                .satisfies(e ->
                        org.assertj.core.api.Assertions.assertThat(stackText(e)).doesNotContain("secret"));
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(CarebookApplication.class)
                .properties("server.port=0", "carebook.demo=false", "logging.level.root=OFF")
                .run(args)
                .close();
    }

    private static String stackText(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
