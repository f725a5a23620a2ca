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

    /** A problem with the field at {@code path}, named as the domain's records name it ({@code insurance.memberId}). */
    public void add(String path, String issue) {
        addAsSent(WireNames.ofPath(path), issue);
    }

    /**
     * A problem with a field named as the request spelled it: an unknown field or a key of a map is reported as
     * sent, never re-spelled.
     */
    public void addAsSent(String wirePath, String issue) {
        if (fields.add(wirePath)) {
            issues.add(new FieldIssue(wirePath, issue));
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

    public boolean has(String path) {
        return fields.contains(WireNames.ofPath(path));
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
