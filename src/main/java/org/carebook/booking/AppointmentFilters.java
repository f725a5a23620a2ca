package org.carebook.booking;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.api.QueryParams;
import org.carebook.kernel.Problems;

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
        var problems = new Problems();
        LocalDate from = date(startDate, "start_date", problems);
        LocalDate to = date(endDate, "end_date", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("end_date", "must not be before start_date");
        }
        var statuses = statuses(status, problems);
        String[] external = externalId == null ? new String[] {null, null} : systemAndValue(externalId, problems);
        problems.throwIfAny();
        return new AppointmentFilter(
                from,
                to,
                blankToNull(clinicianId),
                blankToNull(locationId),
                blankToNull(patientId),
                statuses,
                external[0],
                external[1]);
    }

    private static Set<AppointmentStatus> statuses(String status, Problems problems) {
        if (status == null || status.isBlank()) {
            return null;
        }
        var statuses = Arrays.stream(status.split(",")).map(String::strip).toList();
        if (!AppointmentStatus.WIRE_NAMES.containsAll(statuses)) {
            var names = String.join(
                    ", ", AppointmentStatus.WIRE_NAMES.stream().sorted().toList());
            problems.add("status", "must be one or more of " + names + ", separated by commas");
            return null;
        }
        return statuses.stream().map(AppointmentStatus::fromWire).collect(Collectors.toSet());
    }

    /** {@code system:value}, both parts non-empty. */
    private static String[] systemAndValue(String externalId, Problems problems) {
        int colon = externalId.indexOf(':');
        if (colon <= 0 || colon == externalId.length() - 1) {
            problems.add("external_id", "must be system:value");
            return new String[] {null, null};
        }
        return new String[] {externalId.substring(0, colon), externalId.substring(colon + 1)};
    }

    static LocalDate date(String text, String field, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var date = QueryParams.date(text);
        if (date.isEmpty()) {
            problems.add(field, "must be a date as YYYY-MM-DD");
        }
        return date.orElse(null);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
