package org.carebook.web;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot do its work right now (answered 503), wherever it surfaced:
 * out of reach, restarting, out of disk or resources, or refusing writes.
 */
final class DatabaseFailures {

    private DatabaseFailures() {}

    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database could not be reached at all (no connection, restarting), as opposed to refusing. */
    static boolean outOfReach(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLState class 08 (connection exception), 57P (shutting down or restarting), 53 (insufficient
     * resources: disk full, out of memory, too many connections) and 25006 (read-only: the database was
     * made read-only, or the connection landed on a standby).
     */
    static boolean unavailable(String sqlState) {
        return sqlState.startsWith("08")
                || sqlState.startsWith("57P")
                || sqlState.startsWith("53")
                || sqlState.equals("25006");
    }
}
