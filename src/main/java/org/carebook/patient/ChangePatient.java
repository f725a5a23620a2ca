package org.carebook.patient;

import java.util.Set;

/**
 * A partial update of a patient: the fields {@code given} (wire names, {@code address.city} for a part of
 * one) take their values from {@code values}; the rest keep theirs. A field given as null is cleared.
 */
public record ChangePatient(PatientDraft values, Set<String> given) {

    public ChangePatient {
        given = Set.copyOf(given);
    }
}
