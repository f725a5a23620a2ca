package org.carebook.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the embedded database keeps its files, and how many connections the pool holds. */
@ConfigurationProperties(prefix = "carebook")
record DatabaseSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("20") int databasePoolSize) {

    DatabaseSettings {
        if (databasePoolSize < 2) {
            throw new IllegalArgumentException("CAREBOOK_DATABASE_POOL_SIZE must be at least 2");
        }
    }
}
