package org.carebook.console;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Scope;
import org.carebook.report.Reports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The month at a location: each day's bookings at a glance, and the way to its day. Counts only, no patients. */
@Controller
class MonthPages {

    private final Reports reports;
    private final Catalogue catalogue;
    private final Clock clock;

    MonthPages(Reports reports, Catalogue catalogue, Clock clock) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping({"/console/month", "/console/test/month"})
    String month(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        if (!caller.has(Scope.READ_APPOINTMENTS)) {
            throw CarebookException.missingScope(Scope.READ_APPOINTMENTS);
        }
        var place = catalogue.location(caller, location);
        var today = LocalDate.now(clock.withZone(ZoneId.of(place.timezone())));
        var month = YearMonth.from(date != null ? date : today);
        var first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        var weeks = new ArrayList<List<MonthView.Day>>();
        var loads = reports.days(caller.tenant(), place.id(), first, last);
        for (int i = 0; i < loads.size(); i += 7) {
            weeks.add(loads.subList(i, i + 7).stream()
                    .map(d -> new MonthView.Day(
                            d.date(), YearMonth.from(d.date()).equals(month), d.booked(), d.pending(), d.share()))
                    .toList());
        }
        model.addAttribute(
                "month",
                new MonthView(
                        caller.tenant().mode().wire(),
                        Catalogue.choice(place),
                        catalogue.locations(caller).stream()
                                .map(Catalogue::choice)
                                .toList(),
                        month,
                        today,
                        weeks));
        return "console/month";
    }
}
