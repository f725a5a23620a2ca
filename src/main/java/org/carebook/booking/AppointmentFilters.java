package org.carebook.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.carebook.api.JsonFields;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;

/** Reads the query of GET /v1/appointments, naming every bad parameter at once. */
final class AppointmentFilters {

    private AppointmentFilters() {}

    static AppointmentFilter read(
            String startDate,
            String endDate,
            String clinicianId,
            String locationId,
            String patientId,
            String status,
            String externalId) {
        var issues = new ArrayList<FieldIssue>();
        LocalDate from = date(startDate, "start_date", issues);
        LocalDate to = date(endDate, "end_date", issues);
        if (from != null && to != null && to.isBefore(from)) {
            issues.add(new FieldIssue("end_date", "must not be before start_date"));
        }
        List<String> statuses = null;
        if (status != null && !status.isBlank()) {
            statuses = Arrays.stream(status.split(",")).map(String::strip).toList();
            if (!AppointmentStatus.WIRE_NAMES.containsAll(statuses)) {
                issues.add(new FieldIssue(
                        "status",
                        "must be one or more of "
                                + String.join(
                                        ", ",
                                        AppointmentStatus.WIRE_NAMES.stream()
                                                .sorted()
                                                .toList()) + ", separated by commas"));
            }
        }
        String system = null;
        String value = null;
        if (externalId != null) {
            int colon = externalId.indexOf(':');
            if (colon <= 0 || colon == externalId.length() - 1) {
                issues.add(new FieldIssue("external_id", "must be system:value"));
            } else {
                system = externalId.substring(0, colon);
                value = externalId.substring(colon + 1);
            }
        }
        if (!issues.isEmpty()) {
            throw CarebookException.invalid(issues);
        }
        return new AppointmentFilter(
                from,
                to,
                blankToNull(clinicianId),
                blankToNull(locationId),
                blankToNull(patientId),
                statuses,
                system,
                value);
    }

    static LocalDate date(String text, String field, List<FieldIssue> issues) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var date = JsonFields.parseDate(text);
        if (date.isEmpty()) {
            issues.add(new FieldIssue(field, "must be a date as YYYY-MM-DD"));
        }
        return date.orElse(null);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
