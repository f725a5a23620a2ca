package org.carebook.kernel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The JSON name of a Java one, as the application's Jackson names properties: {@code memberId} is
 * {@code member_id}. The domain names fields as its records do, and this is the one place that says how the wire
 * spells them, as {@link WireName} does for states.
 */
public final class WireNames {

    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private WireNames() {}

    public static String of(String javaName) {
        return HUMP.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A path such as {@code weeklyHours[2].end} or {@code insurance.memberId}, each name spelled for the wire. */
    public static String ofPath(String javaPath) {
        var wire = new StringBuilder();
        for (String part : javaPath.split("(?=[.\\[])")) {
            wire.append(part.startsWith("[") ? part : of(part));
        }
        return wire.toString();
    }
}
