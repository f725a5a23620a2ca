package org.carebook.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether to seed the demo clinic: unset means only on the embedded database. */
@ConfigurationProperties(prefix = "carebook")
record DemoSettings(Boolean demo) {}
