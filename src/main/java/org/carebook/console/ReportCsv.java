package org.carebook.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carebook.report.Report;

/**
 * A report's tables as CSV (RFC 4180). Text that a spreadsheet would run as a formula (a reason typed as
 * {@code =HYPERLINK(…)}) is written with a leading apostrophe, so opening the file runs nothing.
 */
final class ReportCsv {

    private ReportCsv() {}

    static Optional<List<List<String>>> rows(Report report, String table) {
        var rows = new ArrayList<List<String>>();
        switch (table) {
            case "utilisation" -> {
                rows.add(List.of("clinician", "offered_minutes", "booked_minutes", "utilisation"));
                for (var u : report.utilisation()) {
                    rows.add(List.of(
                            u.clinician(),
                            String.valueOf(u.offeredMinutes()),
                            String.valueOf(u.bookedMinutes()),
                            String.format(Locale.ROOT, "%.4f", u.share())));
                }
            }
            case "attendance" -> {
                var a = report.attendance();
                rows.add(List.of(
                        "due", "no_shows", "no_show_rate", "booked", "late_cancellations", "late_cancellation_rate"));
                rows.add(List.of(
                        String.valueOf(a.due()),
                        String.valueOf(a.noShows()),
                        String.format(Locale.ROOT, "%.4f", a.noShowRate()),
                        String.valueOf(a.booked()),
                        String.valueOf(a.lateCancellations()),
                        String.format(Locale.ROOT, "%.4f", a.lateCancellationRate())));
            }
            case "lead-time" -> counts(rows, "booked_ahead", report.leadTime().spans());
            case "sources" -> counts(rows, "source", report.sources());
            case "cancellations" -> counts(rows, "cancelled_by_and_reason", report.cancellations());
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(rows);
    }

    static String write(List<List<String>> rows) {
        return rows.stream()
                .map(row -> row.stream().map(ReportCsv::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static void counts(List<List<String>> rows, String label, List<Report.Count> counts) {
        rows.add(List.of(label, "count"));
        counts.forEach(c -> rows.add(List.of(c.label(), String.valueOf(c.count()))));
    }

    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quoted = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quoted ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
