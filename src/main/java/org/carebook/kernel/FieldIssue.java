package org.carebook.kernel;

/** One bad field of a request, as listed in an error's {@code details}. */
public record FieldIssue(String field, String issue) {

    public static final String UNKNOWN_FIELD = "is not a known field";

    /** A problem with the field at {@code path}, named as the domain's records name it. */
    public static FieldIssue at(String path, String issue) {
        return new FieldIssue(WireNames.ofPath(path), issue);
    }
}
