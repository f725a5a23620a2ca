package org.carebook.database;

import java.nio.file.Path;

/**
 * A PostgreSQL of its own for tests that run several server processes against one database (external
 * mode, through {@code DATABASE_URL}): the same binaries and set-up as the embedded one.
 */
public final class SharedPostgres implements AutoCloseable {

    private final Path dataDir;
    private EmbeddedPostgres postgres;

    private SharedPostgres(Path dataDir, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.postgres = postgres;
    }

    public static SharedPostgres start(Path dataDir) {
        return new SharedPostgres(dataDir, EmbeddedPostgres.start(dataDir));
    }

    /** Stops the database (fast shutdown: open connections are cut) and starts it again on the same port. */
    public void restart(Runnable whileDown) {
        int port = postgres.port();
        postgres.close();
        whileDown.run();
        postgres = EmbeddedPostgres.start(dataDir, port);
    }

    /** The directory holding the PostgreSQL binaries ({@code bin/initdb}, {@code bin/postgres}). */
    public static Path binaries() throws java.io.IOException {
        return EmbeddedPostgres.extractBinaries();
    }

    /** For a test's own queries as user {@code postgres}: the password travels in the URL. */
    public String jdbcUrl() {
        return postgres.jdbcUrl() + "?password=" + postgres.password();
    }

    /** The {@code DATABASE_URL} a server process is given. */
    public String databaseUrl() {
        return postgres.jdbcUrl()
                .replace("jdbc:postgresql://", "postgres://" + postgres.user() + ":" + postgres.password() + "@");
    }

    @Override
    public void close() {
        postgres.close();
    }
}
