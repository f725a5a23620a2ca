package org.carebook.api;

import java.util.Set;
import org.carebook.kernel.Change;
import org.carebook.kernel.FieldIssue;
import org.carebook.kernel.Problems;

/**
 * A request body read into its request record: the values, the fields the body gave (so that an absent field
 * is kept apart from an explicit null), and the problems found so far, to which the domain adds its own before
 * one 422 names them all.
 *
 * @param given the record's components the body gave, with a nested record's as {@code insurance.memberId}
 */
public record Body<R extends Record>(R value, Set<String> given, Problems problems) {

    public Body {
        given = Set.copyOf(given);
    }

    public boolean gives(String field) {
        return given.contains(field);
    }

    /** A write of {@code draft} that changes only the fields this body gave. */
    public <D extends Record> Change<D> change(D draft) {
        return new Change<>(draft, given);
    }

    /** The values as the domain's record of the same shape (same component names and types). */
    public <D extends Record> D as(Class<D> draft) {
        return SameShape.as(value, draft);
    }

    /** A write of the domain's record of the same shape that changes only the fields this body gave. */
    public <D extends Record> Change<D> changeOf(Class<D> draft) {
        return change(as(draft));
    }

    public void issue(String field, String issue) {
        problems.add(field, issue);
    }

    /** Refuses the members of {@code field} not in {@code allowed} (component names), as if it had no others. */
    public void refuseMembersOtherThan(String field, Set<String> allowed) {
        String prefix = field + ".";
        given.stream()
                .filter(name -> name.startsWith(prefix) && !allowed.contains(name.substring(prefix.length())))
                .sorted()
                .forEach(name -> problems.add(name, FieldIssue.UNKNOWN_FIELD));
    }

    /** The values, once the body has no problems; otherwise the 422 naming every problem found. */
    public R valid() {
        problems.throwIfAny();
        return value;
    }
}
