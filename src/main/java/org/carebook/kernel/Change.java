package org.carebook.kernel;

import java.util.Set;

/**
 * A write that gives some fields of a draft: those named in {@code given} (wire names, {@code address.city}
 * for a part of one) take their values from {@code values}, even null; the rest keep theirs, or take their
 * defaults when something new is made. A whole draft, as set-up code builds one, gives every field.
 */
public record Change<D>(D values, Set<String> given) {

    public Change {
        given = given == null ? null : Set.copyOf(given);
    }

    /** Every field of {@code values}. */
    public static <D> Change<D> whole(D values) {
        return new Change<>(values, null);
    }

    public boolean gives(String field) {
        return given == null || given.contains(field);
    }
}
