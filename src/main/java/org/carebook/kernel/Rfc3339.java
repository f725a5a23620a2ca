package org.carebook.kernel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an instant in a given offset as RFC 3339 text, as Jackson would ({@code 2027-03-14T09:00:00-04:00},
 * {@code Z} for UTC), without a {@link DateTimeFormatter}: availability answers thousands of these per request.
 */
public final class Rfc3339 {

    private Rfc3339() {}

    public static String format(Instant instant, ZoneOffset offset) {
        var local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
        if (local.getNano() != 0
                || local.getYear() < 1000
                || local.getYear() > 9999
                || offset.getTotalSeconds() % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
        }
        var text = new StringBuilder(25);
        text.append(local.getYear());
        two(text.append('-'), local.getMonthValue());
        two(text.append('-'), local.getDayOfMonth());
        two(text.append('T'), local.getHour());
        two(text.append(':'), local.getMinute());
        two(text.append(':'), local.getSecond());
        int minutes = offset.getTotalSeconds() / 60;
        if (minutes == 0) {
            return text.append('Z').toString();
        }
        text.append(minutes < 0 ? '-' : '+');
        two(text, Math.abs(minutes) / 60);
        two(text.append(':'), Math.abs(minutes) % 60);
        return text.toString();
    }

    private static void two(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
