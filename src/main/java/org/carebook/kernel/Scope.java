package org.carebook.kernel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a key may do; the wire name is the lower-case constant name. */
public enum Scope {
    READ_APPOINTMENT_TYPES,
    WRITE_APPOINTMENT_TYPES,
    READ_APPOINTMENT_TEMPLATES,
    READ_AVAILABILITY,
    WRITE_HOLDS,
    READ_PATIENTS,
    WRITE_PATIENTS,
    READ_APPOINTMENTS,
    WRITE_APPOINTMENTS,
    READ_CATALOG,
    WRITE_CATALOG,
    MANAGE_WEBHOOKS,
    READ_EVENTS,
    READ_AUDIT,
    MANAGE_API_KEYS,
    MANAGE_ORGANIZATION,
    /** Invite staff, change their roles, disable and remove them: live keys and owners only. */
    MANAGE_STAFF;

    /** What a test-mode key may hold: everything but the staff, who are real people in either mode. */
    public static final Set<Scope> TEST_MODE = EnumSet.complementOf(EnumSet.of(MANAGE_STAFF));

    /** The fixed scopes of a publishable (browser) key. */
    public static final Set<Scope> PUBLISHABLE = EnumSet.of(READ_APPOINTMENT_TYPES, READ_AVAILABILITY, WRITE_HOLDS);

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
