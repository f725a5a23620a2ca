package org.carebook.database;

import java.nio.file.Path;

/**
 * A PostgreSQL of its own for tests that run several server processes against one database (external
 * mode, through {@code DATABASE_URL}): the same binaries and set-up as the embedded one.
 */
public final class SharedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SharedPostgres start(Path dataDir) {
        return new SharedPostgres(EmbeddedPostgres.start(dataDir));
    }

    /** The {@code DATABASE_URL} a server process is given. */
    public String databaseUrl() {
        return postgres.jdbcUrl().replace("jdbc:postgresql://", "postgres://" + postgres.user() + "@");
    }

    @Override
    public void close() {
        postgres.close();
    }
}
