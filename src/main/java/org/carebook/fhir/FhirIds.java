package org.carebook.fhir;

import java.util.Optional;
import java.util.regex.Pattern;
import org.carebook.kernel.CarebookException;

/**
 * Carebook's ids in FHIR's alphabet. FHIR ids allow letters, digits, {@code -} and {@code .}, not {@code _}; a
 * Carebook id is a prefix, {@code _} and base-62 characters, so swapping the first {@code _} for {@code -}
 * is undone exactly: {@code apt_7Qm…} is {@code Appointment/apt-7Qm…}.
 */
final class FhirIds {

    private static final Pattern RANDOM = Pattern.compile("[0-9A-Za-z]{22}");

    private FhirIds() {}

    static String toFhir(String id) {
        return id == null ? null : id.replaceFirst("_", "-");
    }

    /** The Carebook id a FHIR id names, if it has the expected prefix and shape; otherwise nothing is there. */
    static Optional<String> fromFhir(String fhirId, String prefix) {
        if (fhirId == null || !fhirId.startsWith(prefix + "-")) {
            return Optional.empty();
        }
        String random = fhirId.substring(prefix.length() + 1);
        return RANDOM.matcher(random).matches() ? Optional.of(prefix + "_" + random) : Optional.empty();
    }

    /** The Carebook id of a FHIR id with that prefix; any other id names nothing here (404). */
    static String carebookId(String fhirId, String prefix) {
        return fromFhir(fhirId, prefix).orElseThrow(FhirIds::missing);
    }

    /** The Carebook id a search value names; a value naming no id of that kind matches nothing, as an unknown id does. */
    static String orNone(String fhirId, String prefix) {
        return fromFhir(fhirId, prefix).orElse(prefix + "_none");
    }

    static CarebookException missing() {
        return CarebookException.notFound("There is no such resource here.");
    }

    /** The base-62 part of a Carebook id, for ids composed of several (Slot's). */
    static String randomPart(String id) {
        return id.substring(id.indexOf('_') + 1);
    }
}
