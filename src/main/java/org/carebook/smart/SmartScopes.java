package org.carebook.smart;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.carebook.kernel.Scope;

/**
 * SMART system scopes ({@code system/Appointment.cruds}, or the v1 form {@code system/Appointment.write}) as the
 * Carebook scopes they stand for. A resource Carebook does not serve, or an unreadable scope, stands for nothing.
 */
final class SmartScopes {

    private static final Pattern SCOPE = Pattern.compile("system/([A-Za-z*]+)\\.(read|write|\\*|c?r?u?d?s?)");

    /** What reading (r, s) and changing (c, u, d) each resource takes. */
    private record Access(Set<Scope> read, Set<Scope> change) {}

    private static final Access CATALOGUE = new Access(EnumSet.of(Scope.READ_CATALOG), EnumSet.noneOf(Scope.class));

    private static final Map<String, Access> RESOURCES = Map.of(
            "Slot", new Access(EnumSet.of(Scope.READ_AVAILABILITY), EnumSet.noneOf(Scope.class)),
            "Schedule", CATALOGUE,
            "Practitioner", CATALOGUE,
            "PractitionerRole", CATALOGUE,
            "Location", CATALOGUE,
            "HealthcareService",
                    new Access(
                            EnumSet.of(Scope.READ_CATALOG, Scope.READ_APPOINTMENT_TYPES), EnumSet.noneOf(Scope.class)),
            "Appointment",
                    new Access(
                            // $find answers proposed Appointments: reading them is reading free times too.
                            EnumSet.of(Scope.READ_APPOINTMENTS, Scope.READ_AVAILABILITY),
                            EnumSet.of(Scope.WRITE_APPOINTMENTS, Scope.WRITE_HOLDS)),
            "Patient", new Access(EnumSet.of(Scope.READ_PATIENTS), EnumSet.of(Scope.WRITE_PATIENTS)),
            "AuditEvent", new Access(EnumSet.of(Scope.READ_AUDIT), EnumSet.noneOf(Scope.class)));

    private SmartScopes() {}

    /** The Carebook scopes a SMART scope stands for; empty if it is not one or stands for nothing here. */
    static Optional<Set<Scope>> of(String smartScope) {
        var match = SCOPE.matcher(smartScope);
        if (!match.matches() || match.group(2).isEmpty()) {
            return Optional.empty();
        }
        String resource = match.group(1);
        String permissions = permissions(match.group(2));
        var scopes = EnumSet.noneOf(Scope.class);
        for (var entry : RESOURCES.entrySet()) {
            if (resource.equals("*") || resource.equals(entry.getKey())) {
                if (permissions.contains("r") || permissions.contains("s")) {
                    scopes.addAll(entry.getValue().read());
                }
                if (permissions.contains("c") || permissions.contains("u") || permissions.contains("d")) {
                    scopes.addAll(entry.getValue().change());
                }
            }
        }
        return scopes.isEmpty() ? Optional.empty() : Optional.of(scopes);
    }

    /** The Carebook scopes of several SMART scopes together; those that stand for nothing add nothing. */
    static Set<Scope> all(List<String> smartScopes) {
        var scopes = EnumSet.noneOf(Scope.class);
        smartScopes.forEach(scope -> of(scope).ifPresent(scopes::addAll));
        return scopes;
    }

    private static String permissions(String given) {
        return switch (given) {
            case "read" -> "rs";
            case "write" -> "cud";
            case "*" -> "cruds";
            default -> given;
        };
    }
}
