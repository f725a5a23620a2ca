package org.carebook.kernel;

/** One bad field of a request, as listed in an error's {@code details}. */
public record FieldIssue(String field, String issue) {

    public static final String UNKNOWN_FIELD = "is not a known field";
}
