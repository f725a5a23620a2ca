package org.carebook.web;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who signed in to the console, as kept in the session (serialised into PostgreSQL by Spring Session): the
 * person alone. Which organization they act for, in which role, is read from the database on every request
 * ({@link ConsoleCallerFilter}), so that a change to their membership counts at once.
 */
record StaffPrincipal(String userId) implements AuthenticatedPrincipal, Serializable {

    /** The name Spring Session indexes sessions by, so that all of a person's sessions can be ended at once. */
    @Override
    public String getName() {
        return userId;
    }
}
