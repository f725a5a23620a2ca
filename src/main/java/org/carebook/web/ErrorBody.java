package org.carebook.web;

import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;

/** {@code {"error": {...}}}: the envelope of every failed request. */
record ErrorBody(Error error) {

    record Error(String code, String reason, String message, List<FieldIssue> details, String requestId) {}

    static ErrorBody of(CarebookException e, String requestId) {
        return new ErrorBody(new Error(e.code(), e.reason(), e.getMessage(), e.details(), requestId));
    }
}
