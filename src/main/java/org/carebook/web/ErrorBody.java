package org.carebook.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;

/** {@code {"error": {...}}}: the envelope of every failed request. */
@Schema(name = "ErrorEnvelope")
record ErrorBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Error error) {

    @Schema(name = "ApiError", description = "What went wrong: a stable code and reason, and a message for people.")
    record Error(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "CONFLICT",
                    allowableValues = {
                        "BAD_REQUEST",
                        "UNAUTHORISED",
                        "FORBIDDEN",
                        "NOT_FOUND",
                        "METHOD_NOT_ALLOWED",
                        "CONFLICT",
                        "PAYLOAD_TOO_LARGE",
                        "UNSUPPORTED_MEDIA_TYPE",
                        "VALIDATION_ERROR",
                        "RATE_LIMITED",
                        "INTERNAL_ERROR",
                        "UNAVAILABLE"
                    })
            String code,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "slot_taken")
            String reason,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "That time was just taken.")
            String message,

            @Schema(description = "Each bad field, for VALIDATION_ERROR.")
            List<FieldIssue> details,

            @Schema(
                    description = "For series_conflict only: each date of the series that cannot be booked, with its"
                            + " index, date, start_time and reason (see AppointmentSeries.skipped).")
            @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<? extends Record> conflicts,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "req_5Jd8kQ2mX9")
            String requestId) {}

    static ErrorBody of(CarebookException e, String requestId) {
        return new ErrorBody(new Error(e.code(), e.reason(), e.getMessage(), e.details(), e.conflicts(), requestId));
    }
}
