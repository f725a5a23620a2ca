package org.carebook.staff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.carebook.kernel.Scope;

/** What a member of staff may do, as the scopes an API key would need for it. */
public enum StaffRole {
    /** Everything, including keys, webhooks, settings and staff. */
    OWNER(EnumSet.allOf(Scope.class)),
    /** Calendars, patients and bookings. */
    FRONT_DESK(EnumSet.of(
            Scope.READ_APPOINTMENT_TYPES,
            Scope.READ_APPOINTMENT_TEMPLATES,
            Scope.READ_AVAILABILITY,
            Scope.WRITE_HOLDS,
            Scope.READ_PATIENTS,
            Scope.WRITE_PATIENTS,
            Scope.READ_APPOINTMENTS,
            Scope.WRITE_APPOINTMENTS,
            Scope.READ_CATALOG,
            Scope.WRITE_CATALOG,
            Scope.READ_EVENTS)),
    /** Their own calendar and their own patients' appointments; other calendars as free or busy only. */
    CLINICIAN(EnumSet.of(
            Scope.READ_APPOINTMENT_TYPES,
            Scope.READ_AVAILABILITY,
            Scope.READ_PATIENTS,
            Scope.READ_APPOINTMENTS,
            Scope.READ_CATALOG,
            Scope.READ_EVENTS)),
    /** Sees calendars and patients, changes nothing. */
    READ_ONLY(EnumSet.of(
            Scope.READ_APPOINTMENT_TYPES,
            Scope.READ_AVAILABILITY,
            Scope.READ_PATIENTS,
            Scope.READ_APPOINTMENTS,
            Scope.READ_CATALOG,
            Scope.READ_EVENTS));

    private final Set<Scope> scopes;

    StaffRole(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StaffRole> fromWire(String value) {
        for (var role : values()) {
            if (role.wire().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
