package org.carebook.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Records;
import org.carebook.kernel.WireNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a JSON body into the request record that documents it (ADR 0004): the record's components are the only
 * fields accepted, each read by its type under the limits its {@code @Schema} gives, and every problem of the
 * body is collected, named by its path ({@code weekly_hours[2].end}), instead of stopping at the first. Whether a
 * field is required is the domain's to say, as a create and a PATCH share a record.
 */
public final class BodyReader {

    private final Problems problems;

    private BodyReader(Problems problems) {
        this.problems = problems;
    }

    /** A body that must be a JSON object with only the fields of {@code type}. */
    public static <R extends Record> Body<R> read(JsonNode json, Class<R> type) {
        if (json == null || !json.isObject()) {
            throw CarebookException.badRequest("malformed_json", "The request body must be a JSON object.");
        }
        var problems = new Problems();
        R value = new BodyReader(problems).record(json, type, "");
        return new Body<>(value, given(json, type), problems);
    }

    /** A body that may be left out, which reads as an empty object. */
    public static <R extends Record> Body<R> readOptional(JsonNode json, Class<R> type) {
        return read(json == null ? JsonNodeFactory.instance.objectNode() : json, type);
    }

    private static final ClassValue<String[]> WIRE_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> WireNames.of(component.getName()))
                    .toArray(String[]::new);
        }
    };

    /**
     * Fails unless every component of {@code type}, and of the records it holds, is of a type this reader reads
     * and states the limits it needs: a whole number its minimum and maximum, a list {@code @ArraySchema(maxItems)}.
     */
    public static void checkReadable(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            var schema = component.getAccessor().getAnnotation(Schema.class);
            var array = component.getAccessor().getAnnotation(ArraySchema.class);
            Class<?> raw = component.getType();
            String where = type.getSimpleName() + "." + component.getName();
            if (raw == List.class) {
                Class<?> item = elementType(component.getGenericType(), 0);
                require(array != null && array.maxItems() < Integer.MAX_VALUE, where + " needs @ArraySchema(maxItems)");
                require(item != Integer.class || bounded(array.items()), where + " needs its items' bounds");
                require(item == String.class || item == Integer.class || item.isRecord(), where + " holds " + item);
                if (item.isRecord()) {
                    checkReadable(item);
                }
            } else if (raw.isRecord()) {
                checkReadable(raw);
            } else {
                require(raw == Map.class || ScalarReader.READS.contains(raw), where + " is a " + raw.getSimpleName());
                require(raw != Integer.class || bounded(schema), where + " needs a minimum and a maximum");
            }
        }
    }

    private static boolean bounded(Schema schema) {
        return schema != null
                && !schema.minimum().isEmpty()
                && !schema.maximum().isEmpty();
    }

    private static void require(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalStateException("A request record cannot be read: " + problem);
        }
    }

    /** The components the body gave, with the members of a record as {@code insurance.memberId}. */
    private static Set<String> given(JsonNode json, Class<?> type) {
        var given = new HashSet<String>();
        RecordComponent[] components = type.getRecordComponents();
        String[] names = WIRE_NAMES.get(type);
        for (int i = 0; i < components.length; i++) {
            JsonNode value = json.get(names[i]);
            if (value == null) {
                continue;
            }
            given.add(components[i].getName());
            Class<?> nested = components[i].getType();
            if (value.isObject() && nested.isRecord()) {
                RecordComponent[] members = nested.getRecordComponents();
                String[] memberNames = WIRE_NAMES.get(nested);
                for (int m = 0; m < members.length; m++) {
                    if (value.has(memberNames[m])) {
                        given.add(components[i].getName() + "." + members[m].getName());
                    }
                }
            }
        }
        return given;
    }

    private <R> R record(JsonNode json, Class<R> type, String path) {
        String[] names = WIRE_NAMES.get(type);
        Set<String> known = Set.of(names);
        for (String name : json.propertyNames()) {
            if (!known.contains(name)) {
                problems.addAsSent(path + name, FieldIssue.UNKNOWN_FIELD);
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = component(json.get(names[i]), components[i], path + names[i]);
        }
        return Records.make(type, values);
    }

    private Object component(JsonNode value, RecordComponent component, String path) {
        if (value == null) {
            return null;
        }
        var schema = component.getAccessor().getAnnotation(Schema.class);
        var array = component.getAccessor().getAnnotation(ArraySchema.class);
        Class<?> type = component.getType();
        if (type == List.class) {
            return list(value, elementType(component.getGenericType(), 0), array, path);
        }
        if (type == Map.class) {
            return strings(value, path);
        }
        if (type.isRecord()) {
            return object(value, type, path);
        }
        return new ScalarReader(problems, path).read(value, type, schema);
    }

    private Object object(JsonNode value, Class<?> type, String path) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problems.addAsSent(path, "must be an object");
            return null;
        }
        return record(value, type, path + ".");
    }

    private List<?> list(JsonNode value, Class<?> item, ArraySchema array, String path) {
        if (array == null) {
            throw new IllegalStateException("A request list needs @ArraySchema(maxItems): " + path);
        }
        if (value.isNull()) {
            return List.of();
        }
        int max = array.maxItems();
        if (item.isRecord()) {
            return objects(value, item, max, path);
        }
        var items = new ScalarReader(problems, path);
        return item == Integer.class
                ? items.wholeNumbers(value, max, array.items())
                : items.texts(value, max, array.items());
    }

    private List<Object> objects(JsonNode value, Class<?> item, int max, String path) {
        if (!value.isArray() || value.size() > max) {
            problems.addAsSent(path, "must be a list of at most " + max + " objects");
            return null;
        }
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (value.get(i).isObject()) {
                result.add(record(value.get(i), item, itemPath + "."));
            } else {
                problems.addAsSent(itemPath, "must be an object");
                result.add(null); // keeps the places of the items after it
            }
        }
        return result;
    }

    /** A flat object of strings, such as {@code external_ids: {"drchrono": "123"}}. */
    private Map<String, String> strings(JsonNode value, String path) {
        if (value.isNull()) {
            return Map.of();
        }
        if (!value.isObject() || value.size() > 50) {
            problems.addAsSent(path, "must be an object of at most 50 string values");
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (var entry : value.properties()) {
            String key = entry.getKey();
            JsonNode item = entry.getValue();
            if (key.isEmpty()
                    || key.length() > Lengths.NAME
                    || !ScalarReader.storable(key)
                    || !item.isString()
                    || !ScalarReader.storable(item.stringValue())
                    || item.stringValue().length() > Lengths.TEXT) {
                problems.addAsSent(
                        path + "." + key,
                        "must be a string of at most " + Lengths.TEXT + " characters under a key of at most "
                                + Lengths.NAME);
            } else {
                result.put(key, item.stringValue());
            }
        }
        return result;
    }

    private static Class<?> elementType(Type type, int index) {
        return (Class<?>) ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
