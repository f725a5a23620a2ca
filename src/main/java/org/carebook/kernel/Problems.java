package org.carebook.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found with a request's fields so far, so that one 422 names every bad field (docs/api.md §0):
 * those found reading the request and those the domain finds after it (unknown ids, rules). The first
 * problem found with a field is the one reported.
 */
public final class Problems {

    public static final String REQUIRED = "is required";

    private final List<FieldIssue> issues = new ArrayList<>();
    private final Set<String> fields = new HashSet<>();

    public void add(String field, String issue) {
        if (fields.add(field)) {
            issues.add(new FieldIssue(field, issue));
        }
    }

    public void require(String field, Object value) {
        if (value == null) {
            add(field, REQUIRED);
        }
    }

    /** Text that is there and not only spaces. */
    public void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            add(field, REQUIRED);
        }
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    public boolean isEmpty() {
        return issues.isEmpty();
    }

    /** Throws the 422 listing every problem found so far. */
    public void throwIfAny() {
        if (!issues.isEmpty()) {
            throw CarebookException.invalid(List.copyOf(issues));
        }
    }
}
