package org.carebook.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one DataSource: an external PostgreSQL when {@code DATABASE_URL} is set, otherwise the embedded
 * one with its data under {@code CAREBOOK_DATA_DIR}; with {@code CAREBOOK_READ_DATABASE_URL}, the standbys
 * {@link ReadReplicas} may send reads to.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseTarget databaseTarget(
            Environment environment,
            DatabaseSettings properties,
            ObjectProvider<EmbeddedPostgresEarlyStart.Starting> early) {
        String url = environment.getProperty("DATABASE_URL", "");
        if (EmbeddedPostgresEarlyStart.usesExternalDatabase(environment)) {
            DatabaseUrl parsed;
            try {
                parsed = DatabaseUrl.parse(url);
            } catch (IllegalArgumentException e) {
                throw new DatabaseUnreachableException(e.getMessage());
            }
            return new DatabaseTarget(parsed, null);
        }
        // Started by the initializer when the application started; a context made without it starts one now.
        var starting = early.getIfAvailable(() ->
                EmbeddedPostgresEarlyStart.Starting.begin(properties.dataDir().resolve("postgres")));
        var embedded = starting.await();
        return new DatabaseTarget(new DatabaseUrl(embedded.jdbcUrl(), embedded.user(), embedded.password()), starting);
    }

    /** The one clock of the application: the database's time (see {@link DatabaseClock}). */
    @Bean
    DatabaseClock clock(DataSource dataSource) {
        return new DatabaseClock(dataSource);
    }

    /** The primary's pool, and the standbys' when {@code CAREBOOK_READ_DATABASE_URL} names them. */
    @Bean(destroyMethod = "close")
    ReadRouting dataSource(DatabaseTarget target, DatabaseSettings properties) {
        DatabaseUrl url = target.url();
        checkReachable(url);
        log.info("Using PostgreSQL at {}", url.printable());
        var primary = new HikariDataSource(pool("carebook", url, properties));
        Optional<HikariDataSource> standbys = Optional.empty();
        if (!properties.readDatabaseUrl().isBlank()) {
            DatabaseUrl read;
            try {
                read = DatabaseUrl.parse(
                        properties.readDatabaseUrl(), "CAREBOOK_READ_DATABASE_URL", DatabaseUrl.STANDBYS);
            } catch (IllegalArgumentException e) {
                primary.close();
                throw new DatabaseUnreachableException(e.getMessage());
            }
            log.info("Reading from the standbys at {} where they have caught up", read.printable());
            standbys = Optional.of(new HikariDataSource(standbyPool(read, properties)));
        }
        return new ReadRouting(primary, standbys);
    }

    @Bean
    ReadReplicas readReplicas(ReadRouting routing, PlatformTransactionManager transactions, Clock clock) {
        return new ReadReplicas(routing, transactions, clock);
    }

    private static HikariConfig pool(String name, DatabaseUrl url, DatabaseSettings properties) {
        var config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setPoolName(name);
        config.setMaximumPoolSize(properties.databasePoolSize());
        // Each connection costs a password exchange (SCRAM) on both sides: a few at start, the rest as load
        // asks for them, keeps twenty logins out of the seconds the server spends starting.
        config.setMinimumIdle(Math.min(4, properties.databasePoolSize()));
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Text parameters go untyped, as nulls do: a statement run with a text value and later with null
        // then keeps its server-side prepared form and plan instead of being parsed and planned again.
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", name);
        return config;
    }

    /**
     * A standby that is down must not hold a request up: a second at most for a connection, and no check at
     * start (the server starts, and reads go to the primary until the standby answers).
     */
    private static HikariConfig standbyPool(DatabaseUrl url, DatabaseSettings properties) {
        var config = pool("carebook-read", url, properties);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        config.addDataSourceProperty("connectTimeout", "1");
        return config;
    }

    static void checkReachable(DatabaseUrl url) {
        var props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "8");
        try (var connection = DriverManager.getConnection(url.jdbcUrl(), props)) {
            int version = connection.getMetaData().getDatabaseMajorVersion();
            if (version < 15) {
                throw new DatabaseUnreachableException("PostgreSQL " + version + " at " + url.printable()
                        + " is too old: Carebook needs PostgreSQL 15 or newer");
            }
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(
                    "Cannot connect to PostgreSQL at " + url.printable() + ": " + e.getMessage());
        }
    }

    /** Where the data lives; closing it stops the embedded server after the pool has closed. */
    record DatabaseTarget(DatabaseUrl url, EmbeddedPostgresEarlyStart.Starting embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.destroy();
            }
        }
    }
}
