package org.carebook.kernel;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A write that gives some fields of a draft: the components named in {@code given} ({@code address.city} for a
 * part of one) take their values from {@code values}, even null; the rest keep theirs, or take their defaults
 * when something new is made. A whole draft, as set-up code builds one, gives every field. The names are the
 * draft's own components, so a change cannot name a field its draft does not have.
 */
public record Change<D extends Record>(D values, Set<String> given) {

    public Change {
        if (given != null) {
            given = Set.copyOf(given);
            given.forEach(path -> requireComponent(values.getClass(), path));
        }
    }

    /** Every field of {@code values}. */
    public static <D extends Record> Change<D> whole(D values) {
        return new Change<>(values, null);
    }

    /** Whether this change gives the component named {@code component}. */
    public boolean gives(String component) {
        requireComponent(values.getClass(), component);
        return given == null || given.contains(component);
    }

    /** {@code current} with what this change gives; a record it gives in part keeps its other parts. */
    public D over(D current) {
        return overlay(values, current, given);
    }

    @SuppressWarnings("unchecked")
    private static <R> R overlay(R values, R current, Set<String> given) {
        RecordComponent[] components = values.getClass().getRecordComponents();
        Object[] next = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object mine = Records.component(components[i], values);
            Object theirs = current == null ? null : Records.component(components[i], current);
            if (given == null) {
                next[i] = mine;
            } else if (!given.contains(name)) {
                next[i] = theirs;
            } else if (mine != null && components[i].getType().isRecord() && givesParts(given, name)) {
                next[i] = overlay(mine, theirs, parts(given, name));
            } else {
                next[i] = mine;
            }
        }
        return (R) Records.make(values.getClass(), next);
    }

    private static boolean givesParts(Set<String> given, String name) {
        return given.stream().anyMatch(path -> path.startsWith(name + "."));
    }

    private static Set<String> parts(Set<String> given, String name) {
        return given.stream()
                .filter(path -> path.startsWith(name + "."))
                .map(path -> path.substring(name.length() + 1))
                .collect(Collectors.toSet());
    }

    private static void requireComponent(Class<?> type, String path) {
        String name = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        var component = Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no field " + name));
        if (!name.equals(path)) {
            requireComponent(component.getType(), path.substring(name.length() + 1));
        }
    }
}
