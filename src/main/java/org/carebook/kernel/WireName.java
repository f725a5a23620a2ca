package org.carebook.kernel;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A state whose JSON and stored form is its constant's name in lower case ({@code CHECKED_IN} is
 * {@code checked_in}): views carry the enum, and only Jackson and the SQL see the words.
 */
public interface WireName {

    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant a stored or sent word names. */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String wire) {
        return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    }
}
