package org.carebook.database;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One PostgreSQL for every server a test JVM starts in-process, and a database of its own for each: the
 * first is migrated once as a template, and each next one is a copy of it ({@code CREATE DATABASE … TEMPLATE}),
 * which takes a fraction of a second where a cluster of its own took seconds to create, start and migrate.
 * The servers reach it as an external database, through {@code DATABASE_URL}.
 */
public final class TestDatabases {

    private static final String TEMPLATE = "carebook_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static SharedPostgres postgres;

    private TestDatabases() {}

    /** A new, migrated, empty database, as the {@code DATABASE_URL} a server is given. */
    public static String newDatabase() {
        String name = create(); // first: the cluster starts on first use
        return postgres.databaseUrl().replaceFirst("/[^/?]+$", "/" + name);
    }

    /** A new database as a JDBC URL with the password in it, for contexts that configure {@code spring.datasource}. */
    public static String newJdbcDatabase() {
        return url(create());
    }

    /** Copies the template (migrating it on first use) into a new database, and names it. */
    private static synchronized String create() {
        if (postgres == null) {
            postgres = SharedPostgres.start(
                    Path.of("target", "test-postgres-" + ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            execute("CREATE DATABASE " + TEMPLATE);
            Flyway.configure()
                    .dataSource(url(TEMPLATE), "postgres", null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        String name = "carebook_" + NEXT.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return name;
    }

    private static String url(String database) {
        return postgres.jdbcUrl().replaceFirst("/[^/?]+\\?", "/" + database + "?");
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", null);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql, e);
        }
    }
}
