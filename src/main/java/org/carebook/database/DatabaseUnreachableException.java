package org.carebook.database;

/** Start-up stops with one line when the configured database cannot be used. */
class DatabaseUnreachableException extends RuntimeException {

    DatabaseUnreachableException(String message) {
        super(message);
    }
}
