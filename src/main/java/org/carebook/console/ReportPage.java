package org.carebook.console;

import java.util.List;
import java.util.Locale;
import org.carebook.report.Report;

/**
 * The reports page: the location and period asked for, the report, and its figures as bars for the charts
 * (each as wide as its share of the largest; the tables beside them carry the same numbers in words).
 */
public record ReportPage(
        String path,
        List<DayView.LocationChoice> locations,
        DayView.LocationChoice location,
        String from,
        String to,
        String problem,
        Report report) {

    /** One bar: what it is, its value as written, and its length as a percentage of the chart's width. */
    public record Bar(String label, String value, String length) {}

    public String csv(String table) {
        return path + "/" + table + ".csv?location=" + location.id() + "&from=" + from + "&to=" + to;
    }

    public List<Bar> utilisationBars() {
        return report.utilisation().stream()
                .map(u -> new Bar(u.clinician(), percent(u.share()), length(Math.min(u.share(), 1), 1)))
                .toList();
    }

    public List<Bar> sourceBars() {
        return bars(report.sources());
    }

    public List<Bar> leadBars() {
        return bars(report.leadTime().spans());
    }

    public List<Bar> cancellationBars() {
        return bars(report.cancellations());
    }

    /** A share as the page writes it: {@code 62.5 %}. */
    public String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Minutes as hours: {@code 41 h 30 min}, or {@code 80 h}. */
    public String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    public String days(double days) {
        return String.format(Locale.ROOT, "%.1f", days);
    }

    private static List<Bar> bars(List<Report.Count> counts) {
        long most = counts.stream().mapToLong(Report.Count::count).max().orElse(0);
        return counts.stream()
                .map(c -> new Bar(c.label(), String.valueOf(c.count()), length(c.count(), Math.max(most, 1))))
                .toList();
    }

    private static String length(double value, double most) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value / most);
    }
}
