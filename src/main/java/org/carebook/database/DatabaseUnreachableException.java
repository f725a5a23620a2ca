package org.carebook.database;

/** Start-up stops with one line when the configured database cannot be used, and one line saying what to do. */
class DatabaseUnreachableException extends RuntimeException {

    static final String CHECK_URL = "Check DATABASE_URL, or unset it to use the embedded PostgreSQL.";

    private final String action;

    DatabaseUnreachableException(String message) {
        this(message, CHECK_URL);
    }

    DatabaseUnreachableException(String message, String action) {
        super(message);
        this.action = action;
    }

    String action() {
        return action;
    }
}
