package org.carebook.kernel;

import java.util.Locale;

public enum KeyKind {
    SECRET,
    PUBLISHABLE,
    /** A member of staff signed in to the console; the caller's key id is the staff member's id. */
    STAFF;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
