package org.carebook.kernel;

import java.time.ZoneId;

/** IANA time zones as Carebook accepts them: a region's name, never a fixed offset in disguise. */
public final class Zones {

    public static final String ISSUE = "must be an IANA time zone such as Europe/London";

    private Zones() {}

    public static boolean isIana(String text) {
        return ZoneId.getAvailableZoneIds().contains(text)
                && !text.startsWith("Etc/GMT")
                && !text.startsWith("SystemV/");
    }

    /** Adds a problem for {@code field} when {@code zone} is given and is not one. */
    public static void check(String field, String zone, Problems problems) {
        if (zone != null && !isIana(zone)) {
            problems.add(field, ISSUE);
        }
    }
}
