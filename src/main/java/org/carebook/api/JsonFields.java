package org.carebook.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.carebook.kernel.Address;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.ChangeRules;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Zones;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body field by field and collects every problem, so a 422 names all bad fields
 * at once. Unknown fields are problems too, which keeps clients from setting ids, owners or
 * timestamps.
 *
 * <p>Each accessor takes a fallback used when the field is absent. Readers of writes pass {@code null}
 * and send {@link #given()} with the values, so that one reader serves create and PATCH: the domain
 * applies the given fields over the defaults or the stored draft, where an explicit JSON {@code null}
 * clears an optional field.
 */
public final class JsonFields {

    public static final int NAME = 100;
    public static final int LONG_TEXT = 4000;
    public static final int TEXT = 255;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CLOCK = Pattern.compile("\\d{2}:\\d{2}");
    /**
     * An RFC 5322 dot-atom address (every {@code atext} character, and any non-ASCII one, for SMTPUTF8) at a
     * domain of at least two labels: what mail servers, {@code mailto:} URIs and calendar files all carry.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]+)*"
                    + "@([a-z0-9\\x{80}-\\x{10FFFF}]([a-z0-9\\x{80}-\\x{10FFFF}-]*[a-z0-9\\x{80}-\\x{10FFFF}])?\\.)+"
                    + "[a-z0-9\\x{80}-\\x{10FFFF}]([a-z0-9\\x{80}-\\x{10FFFF}-]*[a-z0-9\\x{80}-\\x{10FFFF}])?");

    private static final String REQUIRED = Problems.REQUIRED;

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private JsonFields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** A request body that must be a JSON object with only the {@code allowed} fields. */
    public static JsonFields of(JsonNode body, String... allowed) {
        if (body == null || !body.isObject()) {
            throw CarebookException.badRequest("malformed_json", "The request body must be a JSON object.");
        }
        var fields = new JsonFields(body, "", new Problems());
        fields.rejectUnknown(allowed);
        return fields;
    }

    /** A request body that must be a JSON object with only the fields of the record that documents it. */
    public static JsonFields of(JsonNode body, Class<? extends Record> schema) {
        return of(body, fieldsOf(schema));
    }

    /** The wire names of a request record's components, in order. */
    public static String[] fieldsOf(Class<? extends Record> schema) {
        return FIELD_NAMES.get(schema).clone();
    }

    private static final ClassValue<String[]> FIELD_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getRecordComponents())
                    .map(component -> snakeCase(component.getName()))
                    .toArray(String[]::new);
        }
    };

    /** As the application's JSON names properties: {@code appointmentTypeId} is {@code appointment_type_id}. */
    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public String text(String field, int max, String fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            issue(field, "must be a string");
            return fallback;
        }
        String text = value.stringValue();
        if (!storable(text)) {
            issue(field, "contains characters that cannot be stored (NUL or an unpaired surrogate)");
        } else if (text.codePointCount(0, text.length()) > max) {
            issue(field, "must be at most " + max + " characters");
        }
        return text;
    }

    public String requiredText(String field, int max, String fallback) {
        String text = text(field, max, fallback);
        if (text == null || text.isBlank()) {
            issue(field, REQUIRED);
        }
        return text;
    }

    /** One of a fixed set of words. */
    /** One of a fixed set of words; anything else is a problem, and the fallback is returned in its place. */
    public String choice(String field, Set<String> allowed, String fallback) {
        String text = text(field, TEXT, fallback);
        if (text != null && !allowed.contains(text)) {
            issue(
                    field,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
            return fallback;
        }
        return text;
    }

    /** The raw text of an optional phone number, checked only for its length; the domain normalises it. */
    public String phoneText(String field, String fallback) {
        return text(field, Phones.MAX_LENGTH, fallback);
    }

    /** An address object read over {@code current}. */
    public Address address(String field, Address current) {
        return object(
                field,
                current,
                a -> {
                    Address base = current == null ? Address.EMPTY : current;
                    var address = new Address(
                            a.text("line1", TEXT, base.line1()),
                            a.text("line2", TEXT, base.line2()),
                            a.text("city", TEXT, base.city()),
                            a.text("postcode", 20, base.postcode()),
                            a.text("country", 2, base.country()));
                    address.check(problems, a.path);
                    return address;
                },
                Address.FIELDS);
    }

    /**
     * The fields this body gives, with the members of object fields as {@code field.member}: a partial
     * update changes these and keeps the rest.
     */
    public Set<String> given() {
        var given = new HashSet<String>();
        for (String name : node.propertyNames()) {
            given.add(path + name);
            JsonNode value = node.get(name);
            if (value.isObject()) {
                value.propertyNames().forEach(member -> given.add(path + name + "." + member));
            }
        }
        return given;
    }

    /** Trimmed and lower-cased, with a plausible shape. */
    public String email(String field, String fallback) {
        String text = text(field, TEXT, fallback);
        if (text == null || !has(field)) {
            return text;
        }
        String email = text.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            return null;
        }
        if (!EMAIL.matcher(email).matches()) {
            issue(field, "must be an e-mail address");
        }
        return email;
    }

    public Integer integer(String field, int min, int max, Integer fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            issue(field, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value.intValue();
    }

    /** The clinic's rules for changes, each a whole number or null for no rule. */
    public ChangeRules changeRules() {
        return new ChangeRules(
                integer("cancel_notice_hours", 0, 8760, null),
                integer("reschedule_notice_hours", 0, 8760, null),
                integer("max_reschedules", 0, 100, null));
    }

    public boolean requiredBool(String field, Boolean fallback) {
        Boolean value = bool(field, fallback);
        if (value == null) {
            issue(field, REQUIRED);
        }
        return Boolean.TRUE.equals(value);
    }

    public Boolean bool(String field, Boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            issue(field, "must be true or false");
            return fallback;
        }
        return value.booleanValue();
    }

    /** A non-negative amount in major units with at most two decimal places. */
    public BigDecimal money(String field, BigDecimal fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            issue(field, "must be a number");
            return fallback;
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0
                || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
            issue(field, "must be an amount from 0 with at most 2 decimal places");
            return fallback;
        }
        return amount.setScale(2);
    }

    public LocalDate date(String field, LocalDate fallback) {
        String text = text(field, TEXT, null);
        if (!has(field)) {
            return fallback;
        }
        if (text == null) {
            return null;
        }
        return parseDate(text).orElseGet(() -> {
            issue(field, "must be a real date written YYYY-MM-DD");
            return fallback;
        });
    }

    public LocalTime clock(String field, LocalTime fallback) {
        String text = text(field, TEXT, null);
        if (!has(field)) {
            return fallback;
        }
        if (text == null) {
            return null;
        }
        try {
            if (CLOCK.matcher(text).matches()) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        issue(field, "must be a clock time written HH:MM");
        return fallback;
    }

    /** An RFC 3339 timestamp; one without an offset is refused rather than guessed. */
    public Instant instant(String field, Instant fallback) {
        String text = text(field, TEXT, null);
        if (!has(field)) {
            return fallback;
        }
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            issue(field, "must be an RFC 3339 timestamp with an offset, such as 2026-03-30T09:00:00+01:00");
            return fallback;
        }
    }

    /** An IANA time zone name such as Europe/London. */
    public String zone(String field, String fallback) {
        String text = text(field, TEXT, fallback);
        if (text != null && has(field) && !Zones.isIana(text)) {
            issue(field, Zones.ISSUE);
        }
        return text;
    }

    public List<String> texts(String field, int maxItems, int maxLength, List<String> fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > maxItems) {
            issue(field, "must be a list of at most " + maxItems + " strings");
            return fallback;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isString()
                    || !storable(item.stringValue())
                    || item.stringValue().isEmpty()
                    || item.stringValue().codePointCount(0, item.stringValue().length()) > maxLength) {
                issue(itemField, "must be a non-empty string of at most " + maxLength + " characters");
            } else if (!result.contains(item.stringValue())) {
                result.add(item.stringValue());
            }
        }
        return result;
    }

    public List<Integer> integers(String field, int maxItems, int min, int max, List<Integer> fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return List.of();
        }
        String problem = "must be a list of at most " + maxItems + " whole numbers from " + min + " to " + max;
        if (!value.isArray() || value.size() > maxItems) {
            issue(field, problem);
            return fallback;
        }
        List<Integer> result = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isIntegralNumber() || !item.canConvertToInt() || item.intValue() < min || item.intValue() > max) {
                issue(field, problem);
                return fallback;
            }
            if (!result.contains(item.intValue())) {
                result.add(item.intValue());
            }
        }
        return result;
    }

    /** A flat object of strings, such as {@code external_ids: {"drchrono": "123"}}. */
    public Map<String, String> strings(String field, Map<String, String> fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return Map.of();
        }
        if (!value.isObject() || value.size() > 50) {
            issue(field, "must be an object of at most 50 string values");
            return fallback;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (var entry : value.properties()) {
            JsonNode item = entry.getValue();
            String key = entry.getKey();
            if (key.isEmpty()
                    || key.length() > NAME
                    || !storable(key)
                    || !item.isString()
                    || !storable(item.stringValue())
                    || item.stringValue().length() > TEXT) {
                issue(
                        field + "." + key,
                        "must be a string of at most " + TEXT + " characters under a key of at most " + NAME);
            } else {
                result.put(key, item.stringValue());
            }
        }
        return result;
    }

    /** A nested object read with its own allowed fields; problems are named {@code field.inner}. */
    public <T> T object(String field, T fallback, Function<JsonFields, T> reader, String... allowed) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            issue(field, "must be an object");
            return fallback;
        }
        var nested = new JsonFields(value, path + field + ".", problems);
        nested.rejectUnknown(allowed);
        return reader.apply(nested);
    }

    public <T> List<T> objects(
            String field, int maxItems, List<T> fallback, Function<JsonFields, T> reader, String... allowed) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > maxItems) {
            issue(field, "must be a list of at most " + maxItems + " objects");
            return fallback;
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isObject()) {
                issue(itemField, "must be an object");
                continue;
            }
            var nested = new JsonFields(item, path + itemField + ".", problems);
            nested.rejectUnknown(allowed);
            result.add(reader.apply(nested));
        }
        return result;
    }

    /** Records a problem with a field of this object (named with its path). */
    public void issue(String field, String issue) {
        String name = path + field;
        problems.add(name, issue);
    }

    public void require(String field, Object value) {
        if (value == null) {
            issue(field, REQUIRED);
        }
    }

    /** The problems found reading this body, to which the domain adds its own. */
    public Problems problems() {
        return problems;
    }

    /** Throws the 422 listing every problem found so far. */
    public void throwIfInvalid() {
        problems.throwIfAny();
    }

    public static java.util.Optional<LocalDate> parseDate(String text) {
        try {
            if (text != null && DATE.matcher(text).matches()) {
                return java.util.Optional.of(LocalDate.parse(text));
            }
        } catch (DateTimeException ignored) {
            // not a real date
        }
        return java.util.Optional.empty();
    }

    /** PostgreSQL text cannot hold NUL, and an unpaired surrogate would not survive UTF-8. */
    private static boolean storable(String text) {
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

    private void rejectUnknown(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                issue(name, FieldIssue.UNKNOWN_FIELD);
            }
        }
    }
}
