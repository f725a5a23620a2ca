package org.carebook.kernel;

import java.util.List;

/**
 * The one error type of the API: an HTTP status, a stable {@code code} and {@code reason}, a message
 * meant for people, and the bad fields. Messages never carry SQL, class names or patient data.
 */
public class CarebookException extends RuntimeException {

    private final int status;
    private final String code;
    private final String reason;
    private final List<FieldIssue> details;
    private final List<? extends Record> conflicts;

    public CarebookException(int status, String code, String reason, String message, List<FieldIssue> details) {
        this(status, code, reason, message, details, List.of());
    }

    private CarebookException(
            int status,
            String code,
            String reason,
            String message,
            List<FieldIssue> details,
            List<? extends Record> conflicts) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.reason = reason;
        this.details = List.copyOf(details);
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * A 409 that lists each thing in the way, as the module that refused says it (a series' dates that cannot be
     * booked): views of ids, times and reasons, never what anyone wrote.
     */
    public static CarebookException conflicting(String reason, String message, List<? extends Record> conflicts) {
        return new CarebookException(409, "CONFLICT", reason, message, List.of(), conflicts);
    }

    public static CarebookException notFound(String message) {
        return new CarebookException(404, "NOT_FOUND", "not_found", message, List.of());
    }

    public static CarebookException invalid(List<FieldIssue> issues) {
        boolean allUnknown = issues.stream().allMatch(i -> FieldIssue.UNKNOWN_FIELD.equals(i.issue()));
        String reason = allUnknown ? "unknown_field" : "invalid_field";
        return new CarebookException(422, "VALIDATION_ERROR", reason, "The request has invalid fields.", issues);
    }

    public static CarebookException invalidField(String field, String issue) {
        return invalid(List.of(new FieldIssue(field, issue)));
    }

    public static CarebookException validation(String reason, String message, List<FieldIssue> issues) {
        return new CarebookException(422, "VALIDATION_ERROR", reason, message, issues);
    }

    public static CarebookException conflict(String reason, String message) {
        return new CarebookException(409, "CONFLICT", reason, message, List.of());
    }

    public static CarebookException invalidState(String message) {
        return conflict("invalid_state", message);
    }

    public static CarebookException forbidden(String reason, String message, List<FieldIssue> details) {
        return new CarebookException(403, "FORBIDDEN", reason, message, details);
    }

    public static CarebookException missingScope(Scope scope) {
        return forbidden(
                "missing_scope",
                "This key lacks the scope " + scope.wire() + ".",
                List.of(new FieldIssue("scope", scope.wire())));
    }

    public static CarebookException badRequest(String reason, String message) {
        return new CarebookException(400, "BAD_REQUEST", reason, message, List.of());
    }

    public static CarebookException unauthorised(String reason, String message) {
        return new CarebookException(401, "UNAUTHORISED", reason, message, List.of());
    }

    public static CarebookException rateLimited(String reason, String message) {
        return new CarebookException(429, "RATE_LIMITED", reason, message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<FieldIssue> details() {
        return details;
    }

    public List<? extends Record> conflicts() {
        return conflicts;
    }
}
