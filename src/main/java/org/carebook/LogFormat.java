package org.carebook;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code CAREBOOK_LOG_FORMAT}: {@code text} (the default) writes lines a person reads in a terminal; {@code json}
 * writes one ECS JSON object per line for a log pipeline. Spring's own {@code logging.structured.format.console},
 * when set, is left as it is. Decided before logging starts, so even the first lines have the chosen form.
 */
final class LogFormat implements EnvironmentPostProcessor, Ordered {

    static final String SETTING = "carebook.log-format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(SETTING, "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> {}
            case "json" -> {
                if (!environment.containsProperty("logging.structured.format.console")) {
                    environment
                            .getPropertySources()
                            .addLast(new MapPropertySource(
                                    "carebookLogFormat", Map.of("logging.structured.format.console", "ecs")));
                }
            }
            default ->
                throw new IllegalStateException(
                        "CAREBOOK_LOG_FORMAT (carebook.log-format) must be text or json, not '" + format + "'");
        }
    }

    /** After the configuration files and the environment are read, before logging is set up. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
