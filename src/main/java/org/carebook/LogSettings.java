package org.carebook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The log format, {@code text} or {@code json}: read by {@link LogFormat} before anything starts; declared here. */
@ConfigurationProperties(prefix = "carebook")
record LogSettings(@DefaultValue("text") String logFormat) {}
