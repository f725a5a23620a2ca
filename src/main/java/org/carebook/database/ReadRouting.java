package org.carebook.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's one DataSource: connections come from the primary's pool, except on a thread that
 * {@link ReadReplicas} has sent to the standbys, which takes them from the read pool. Spring's transactions
 * and {@code JdbcClient} see one DataSource, so the code that reads needs no second set of repositories.
 */
final class ReadRouting extends DelegatingDataSource implements AutoCloseable {

    private static final ThreadLocal<Boolean> ON_STANDBY = new ThreadLocal<>();

    private final HikariDataSource primary;
    private final Optional<HikariDataSource> standbys;

    ReadRouting(HikariDataSource primary, Optional<HikariDataSource> standbys) {
        super(primary);
        this.primary = primary;
        this.standbys = standbys;
    }

    boolean hasStandbys() {
        return standbys.isPresent();
    }

    /** Runs {@code work} with this thread's new connections taken from the standbys. */
    <T> T onStandby(Supplier<T> work) {
        ON_STANDBY.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ON_STANDBY.remove();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return chosen().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return chosen().getConnection(username, password);
    }

    private HikariDataSource chosen() {
        return ON_STANDBY.get() != null && standbys.isPresent() ? standbys.get() : primary;
    }

    @Override
    public void close() {
        standbys.ifPresent(HikariDataSource::close);
        primary.close();
    }
}
