package org.carebook.kernel;

import java.util.Locale;

public enum KeyKind {
    SECRET,
    PUBLISHABLE,
    /** A member of staff signed in to the console; the caller's key id is the staff member's id. */
    STAFF,
    /**
     * A patient holding a manage link: the caller's key id is the link's id, and it may reach only the
     * self-service routes of the one appointment the link is for.
     */
    PATIENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
