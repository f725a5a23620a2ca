package org.carebook.api;

import java.util.Locale;

/** The JSON name of a Java one, as the application's Jackson names properties: {@code memberId} is {@code member_id}. */
public final class WireNames {

    private WireNames() {}

    public static String of(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
