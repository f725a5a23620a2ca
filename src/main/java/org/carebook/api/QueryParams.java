package org.carebook.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import org.carebook.kernel.CarebookException;

/** Query-string values that are not free text. */
public final class QueryParams {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static final String TIMESTAMP =
            "must be an RFC 3339 timestamp with an offset, such as 2026-03-30T09:00:00+01:00";
    public static final String CLOCK_TIME = "must be a clock time written HH:MM";
    private static final Pattern CLOCK = Pattern.compile("\\d{2}:\\d{2}");

    private QueryParams() {}

    /** An RFC 3339 timestamp with an offset, or null for none. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        return timestamp(value)
                .map(OffsetDateTime::toInstant)
                .orElseThrow(() -> CarebookException.invalidField(name, TIMESTAMP));
    }

    /** An RFC 3339 timestamp with an offset; one without is refused rather than guessed. */
    public static Optional<OffsetDateTime> timestamp(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A real clock time written HH:MM. */
    public static Optional<LocalTime> clock(String text) {
        try {
            if (text != null && CLOCK.matcher(text).matches()) {
                return Optional.of(LocalTime.parse(text));
            }
        } catch (DateTimeException ignored) {
            // not a real time
        }
        return Optional.empty();
    }

    /** A real date written YYYY-MM-DD, in a query, a path or a body. */
    public static Optional<LocalDate> date(String text) {
        try {
            if (text != null && DATE.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text));
            }
        } catch (DateTimeException ignored) {
            // not a real date
        }
        return Optional.empty();
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw CarebookException.invalidField(name, "must be true or false");
        };
    }
}
