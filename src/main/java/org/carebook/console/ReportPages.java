package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Scope;
import org.carebook.report.Report;
import org.carebook.report.Reports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reports for owners: per location and period, utilisation per clinician, no-show and late cancellation rates,
 * lead time, bookings by source and cancellations by reason, each a table with a chart, and each table as CSV.
 * They hold no patient's data, only counts; a reason typed for a cancellation is shown as typed.
 */
@Controller
class ReportPages {

    private final Reports reports;
    private final Catalogue catalogue;
    private final Clock clock;

    ReportPages(Reports reports, Catalogue catalogue, Clock clock) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping({"/console/reports", "/console/test/reports"})
    String page(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_ORGANIZATION);
        var place = catalogue.location(caller, location);
        var today = LocalDate.now(clock.withZone(ZoneId.of(place.timezone())));
        LocalDate first = FormText.date(from).orElse(today.withDayOfMonth(1));
        LocalDate last = FormText.date(to).orElse(today.withDayOfMonth(today.lengthOfMonth()));
        String problem = null;
        Report report = null;
        try {
            report = reports.of(caller.tenant(), place.id(), first, last);
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            problem = FormText.firstProblem(e, java.util.Map.of("to", "Until"));
        }
        model.addAttribute(
                "reports",
                new ReportPage(
                        ConsolePaths.of(caller.tenant().mode().wire()).root() + "/reports",
                        catalogue.locations(caller).stream()
                                .map(Catalogue::choice)
                                .toList(),
                        Catalogue.choice(place),
                        first.toString(),
                        last.toString(),
                        problem,
                        report));
        return "console/reports";
    }

    /** One table of the report as CSV: {@code utilisation}, {@code sources}, {@code lead-time} or {@code cancellations}. */
    @GetMapping({"/console/reports/{table}.csv", "/console/test/reports/{table}.csv"})
    void csv(
            Caller caller,
            @PathVariable String table,
            @RequestParam String location,
            @RequestParam String from,
            @RequestParam String to,
            HttpServletResponse response)
            throws IOException {
        Access.require(caller, Scope.MANAGE_ORGANIZATION);
        var first = FormText.date(from).orElseThrow(() -> CarebookException.invalidField("from", "must be a date"));
        var last = FormText.date(to).orElseThrow(() -> CarebookException.invalidField("to", "must be a date"));
        var report =
                reports.of(caller.tenant(), catalogue.location(caller, location).id(), first, last);
        List<List<String>> rows =
                ReportCsv.rows(report, table).orElseThrow(() -> CarebookException.notFound("No such report table."));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + table + "-" + first + "-" + last + ".csv\"");
        response.getOutputStream().write(ReportCsv.write(rows).getBytes(StandardCharsets.UTF_8));
    }
}
