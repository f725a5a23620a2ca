package org.carebook.waitlist;

import java.util.EnumSet;
import java.util.List;
import org.carebook.kernel.Caller;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;

/** The waitlist's own reads: what it needs to find a freed time for an entry, and nothing it could change. */
final class Callers {

    private Callers() {}

    static Caller reading(Tenant tenant) {
        return new Caller(
                "waitlist",
                KeyKind.SECRET,
                tenant,
                EnumSet.of(Scope.READ_AVAILABILITY, Scope.READ_APPOINTMENT_TYPES, Scope.READ_APPOINTMENTS),
                List.of(),
                null,
                null);
    }
}
