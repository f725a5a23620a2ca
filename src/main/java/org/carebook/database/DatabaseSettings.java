package org.carebook.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database keeps its files, how many connections a pool holds, and the hot standbys reads
 * may go to ({@code CAREBOOK_READ_DATABASE_URL}: one URL, which may name several hosts; empty for none).
 */
@ConfigurationProperties(prefix = "carebook")
record DatabaseSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("20") int databasePoolSize,
        @DefaultValue("") String readDatabaseUrl) {

    DatabaseSettings {
        if (databasePoolSize < 2) {
            throw new IllegalArgumentException("CAREBOOK_DATABASE_POOL_SIZE must be at least 2");
        }
    }
}
