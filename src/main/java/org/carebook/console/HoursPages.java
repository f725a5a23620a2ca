package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carebook.catalog.ScheduleDraft;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A schedule's weekly hours as a week to edit, in the location's own clock, saved through the same
 * {@link Schedules#update} as the API's. New hours that would leave booked appointments outside working time
 * list them first and are saved only when asked again; the appointments stay booked.
 */
@Controller
class HoursPages {

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private final Schedules schedules;
    private final Catalogue catalogue;
    private final StrandedAppointments stranded;
    private final Clock clock;

    HoursPages(Schedules schedules, Catalogue catalogue, StrandedAppointments stranded, Clock clock) {
        this.schedules = schedules;
        this.catalogue = catalogue;
        this.stranded = stranded;
        this.clock = clock;
    }

    /** The page: whose hours, in which clock, the week as typed, and what stops it being saved, if anything. */
    public record HoursPage(
            String path,
            String back,
            String clinician,
            String place,
            String clock,
            WeekForm week,
            List<String> problems,
            List<StrandedAppointments.Stranded> stranded,
            String confirm) {}

    @GetMapping({"/console/settings/hours/{id}", "/console/test/settings/hours/{id}"})
    String page(Caller caller, @PathVariable String id, Model model) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var schedule = schedules.get(caller.tenant(), id);
        model.addAttribute(
                "hours", page(caller, schedule, WeekForm.of(schedule.weeklyHours()), List.of(), List.of(), null));
        return "console/hours";
    }

    @PostMapping({"/console/settings/hours/{id}", "/console/test/settings/hours/{id}"})
    String save(
            Caller caller,
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var schedule = schedules.get(caller.tenant(), id);
        var week = WeekForm.read(posted);
        var problems = new Problems();
        try {
            var hours = week.hours(problems);
            problems.throwIfAny();
            var left = stranded.under(caller, schedule, hours);
            // Saved anyway only for the very hours whose stranded appointments were listed.
            String checked = HoursSummary.of(hours);
            if (!left.isEmpty() && !checked.equals(posted.get("confirm"))) {
                response.setStatus(409);
                model.addAttribute("hours", page(caller, schedule, week, List.of(), left, checked));
                return "console/hours";
            }
            schedules.update(caller.tenant(), id, ScheduleDraft.weeklyHoursChange(hours), new Problems());
            return "redirect:" + ConsolePaths.of(mode(caller)).root() + "/settings?saved=hours";
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute(
                    "hours", page(caller, schedule, week, FormText.allProblems(e, labels(week)), List.of(), null));
            return "console/hours";
        }
    }

    private HoursPage page(
            Caller caller,
            ScheduleView schedule,
            WeekForm week,
            List<String> problems,
            List<StrandedAppointments.Stranded> left,
            String confirm) {
        var paths = ConsolePaths.of(mode(caller));
        String place = schedule.isRemote()
                ? "video"
                : catalogue.location(caller, schedule.locationId()).name();
        return new HoursPage(
                paths.root() + "/settings/hours/" + schedule.id(),
                paths.root() + "/settings",
                catalogue.clinician(caller, schedule.clinicianId()).name(),
                place,
                clock(ZoneId.of(schedule.timezone()), clock.instant()),
                week,
                problems,
                left,
                confirm);
    }

    /** The zone by its name and as its clocks read in winter and summer: "Europe/London (GMT, BST in summer)". */
    static String clock(ZoneId zone, Instant now) {
        int year = now.atZone(zone).getYear();
        String winter = ZONE_NAME.format(LocalDate.of(year, Month.JANUARY, 15).atStartOfDay(zone));
        String summer = ZONE_NAME.format(LocalDate.of(year, Month.JULY, 15).atStartOfDay(zone));
        return zone.getId() + " (" + (winter.equals(summer) ? winter : winter + ", " + summer + " in summer") + ")";
    }

    /** Each day's problems under its name. */
    private static Map<String, String> labels(WeekForm week) {
        var labels = new java.util.HashMap<String, String>();
        week.days().forEach(d -> labels.put(d.key(), d.name()));
        return labels;
    }

    private static String mode(Caller caller) {
        return caller.tenant().mode().wire();
    }
}
