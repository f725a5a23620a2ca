package org.carebook.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads one JSON value at {@code path} into a Java value, recording a problem and giving null when it cannot. */
final class ScalarReader {

    /**
     * An RFC 5322 dot-atom address (every {@code atext} character, and any non-ASCII one, for SMTPUTF8) at a
     * domain of at least two labels: what mail servers, {@code mailto:} URIs and calendar files all carry.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]+)*"
                    + "@([a-z0-9\\x{80}-\\x{10FFFF}]([a-z0-9\\x{80}-\\x{10FFFF}-]*[a-z0-9\\x{80}-\\x{10FFFF}])?\\.)+"
                    + "[a-z0-9\\x{80}-\\x{10FFFF}]([a-z0-9\\x{80}-\\x{10FFFF}-]*[a-z0-9\\x{80}-\\x{10FFFF}])?");

    /** The scalar types a request record may hold. */
    static final Set<Class<?>> READS = Set.of(
            String.class,
            Integer.class,
            Boolean.class,
            BigDecimal.class,
            LocalDate.class,
            LocalTime.class,
            OffsetDateTime.class);

    private final org.carebook.kernel.Problems problems;
    private final String path;

    ScalarReader(org.carebook.kernel.Problems problems, String path) {
        this.problems = problems;
        this.path = path;
    }

    Object read(JsonNode value, Class<?> type, Schema schema) {
        if (value.isNull()) {
            return null;
        }
        if (type == String.class) {
            return string(value, schema);
        }
        if (type == Integer.class) {
            return wholeNumber(value, schema);
        }
        if (type == Boolean.class) {
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            return fail("must be true or false");
        }
        if (type == BigDecimal.class) {
            return money(value);
        }
        if (type == LocalDate.class) {
            String text = text(value, Lengths.TEXT);
            return text == null
                    ? null
                    : QueryParams.date(text).orElseGet(() -> fail("must be a real date written YYYY-MM-DD"));
        }
        if (type == LocalTime.class) {
            return clock(text(value, Lengths.TEXT));
        }
        if (type == OffsetDateTime.class) {
            return timestamp(text(value, Lengths.TEXT));
        }
        throw new IllegalStateException("A request record cannot hold a " + type.getSimpleName() + ": " + path);
    }

    private String string(JsonNode value, Schema schema) {
        String text = text(
                value, schema == null || schema.maxLength() == Integer.MAX_VALUE ? Lengths.TEXT : schema.maxLength());
        if (text == null || schema == null) {
            return text;
        }
        if ("email".equals(schema.format())) {
            return email(text);
        }
        List<String> allowed = Arrays.asList(schema.allowableValues());
        if (!allowed.isEmpty() && !allowed.contains(text)) {
            return fail("must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return text;
    }

    private String text(JsonNode value, int max) {
        if (!value.isString()) {
            return fail("must be a string");
        }
        String text = value.stringValue();
        if (!storable(text)) {
            problems.addAsSent(path, "contains characters that cannot be stored (NUL or an unpaired surrogate)");
        } else if (text.codePointCount(0, text.length()) > max) {
            problems.addAsSent(path, "must be at most " + max + " characters");
        }
        return text;
    }

    /** Trimmed and lower-cased, with a plausible shape; only spaces read as none. */
    private String email(String text) {
        String email = text.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            return null;
        }
        if (!EMAIL.matcher(email).matches()) {
            problems.addAsSent(path, "must be an e-mail address");
        }
        return email;
    }

    private Integer wholeNumber(JsonNode value, Schema schema) {
        int min = bound(schema == null ? "" : schema.minimum());
        int max = bound(schema == null ? "" : schema.maximum());
        if (!fits(value, min, max)) {
            return fail("must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    /** A non-negative amount in major units with at most two decimal places. */
    private BigDecimal money(JsonNode value) {
        if (!value.isNumber()) {
            return fail("must be a number");
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0
                || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
            return fail("must be an amount from 0 with at most 2 decimal places");
        }
        return amount.setScale(2);
    }

    private LocalTime clock(String text) {
        return text == null ? null : QueryParams.clock(text).orElseGet(() -> fail(QueryParams.CLOCK_TIME));
    }

    private OffsetDateTime timestamp(String text) {
        return text == null ? null : QueryParams.timestamp(text).orElseGet(() -> fail(QueryParams.TIMESTAMP));
    }

    /** Distinct non-empty strings; an explicit null is an empty list. */
    List<String> texts(JsonNode value, int maxItems, Schema items) {
        int maxLength = items.maxLength() == Integer.MAX_VALUE ? Lengths.TEXT : items.maxLength();
        if (!value.isArray() || value.size() > maxItems) {
            return fail("must be a list of at most " + maxItems + " strings");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString()
                    || !storable(item.stringValue())
                    || item.stringValue().isEmpty()
                    || item.stringValue().codePointCount(0, item.stringValue().length()) > maxLength) {
                problems.addAsSent(
                        path + "[" + i + "]", "must be a non-empty string of at most " + maxLength + " characters");
            } else if (!result.contains(item.stringValue())) {
                result.add(item.stringValue());
            }
        }
        return result;
    }

    /** Distinct whole numbers within the items' bounds. */
    List<Integer> wholeNumbers(JsonNode value, int maxItems, Schema items) {
        int min = bound(items.minimum());
        int max = bound(items.maximum());
        String problem = "must be a list of at most " + maxItems + " whole numbers from " + min + " to " + max;
        if (!value.isArray() || value.size() > maxItems) {
            return fail(problem);
        }
        List<Integer> result = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!fits(item, min, max)) {
                return fail(problem);
            }
            if (!result.contains(item.intValue())) {
                result.add(item.intValue());
            }
        }
        return result;
    }

    private static boolean fits(JsonNode value, int min, int max) {
        return value.isIntegralNumber()
                && value.canConvertToInt()
                && value.intValue() >= min
                && value.intValue() <= max;
    }

    private int bound(String text) {
        if (text.isEmpty()) {
            throw new IllegalStateException("A whole number in a request needs a minimum and a maximum: " + path);
        }
        return Integer.parseInt(text);
    }

    private <T> T fail(String issue) {
        problems.addAsSent(path, issue);
        return null;
    }

    /** PostgreSQL text cannot hold NUL, and an unpaired surrogate would not survive UTF-8. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
