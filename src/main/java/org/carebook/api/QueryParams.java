package org.carebook.api;

import org.carebook.kernel.CarebookException;

/** Query-string values that are not free text. */
public final class QueryParams {

    private QueryParams() {}

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
