package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.carebook.catalog.Clinicians;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Time off for a clinician, entered in the location's own clock; booked appointments stay as they are. */
@Controller
class TimeOffPages {

    private static final Map<String, String> LABELS = Map.of("start_time", "From", "end_time", "Until");

    private final Catalogue catalogue;
    private final Clinicians clinicians;
    private final Clock clock;

    TimeOffPages(Catalogue catalogue, Clinicians clinicians, Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.clinicians = clinicians;
    }

    /** What the page shows and what was typed into it. */
    public record TimeOffForm(
            String path,
            String back,
            String locationId,
            List<BookingForm.Option> clinicians,
            String from,
            String until,
            String reason,
            String problem) {}

    @GetMapping({"/console/time-off", "/console/test/time-off"})
    String page(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String date,
            Model model) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var place = catalogue.location(caller, location);
        LocalDate day = FormText.date(date).orElse(LocalDate.now(clock.withZone(ZoneId.of(place.timezone()))));
        model.addAttribute("form", form(caller, place.id(), null, day + "T09:00", day + "T17:00", "", null));
        return "console/time-off";
    }

    @PostMapping({"/console/time-off", "/console/test/time-off"})
    String add(
            Caller caller,
            @RequestParam String location,
            @RequestParam(required = false) String clinician,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var place = catalogue.location(caller, location);
        ZoneId zone = ZoneId.of(place.timezone());
        var problems = new Problems();
        Instant start = instant(from, zone, "start_time", problems);
        Instant end = instant(until, zone, "end_time", problems);
        try {
            problems.requireText("clinician", clinician);
            clinicians.addTimeOff(caller.tenant(), clinician, start, end, FormText.given(reason), problems);
            return "redirect:" + ConsolePaths.of(mode(caller)).day() + "?location=" + place.id() + "&date="
                    + LocalDate.ofInstant(start, zone);
        } catch (CarebookException e) {
            if (e.status() != 422 && e.status() != 404) {
                throw e;
            }
            response.setStatus(e.status());
            String problem = FormText.firstProblem(e, LABELS);
            model.addAttribute("form", form(caller, place.id(), clinician, from, until, reason, problem));
            return "console/time-off";
        }
    }

    private TimeOffForm form(
            Caller caller,
            String locationId,
            String clinician,
            String from,
            String until,
            String reason,
            String problem) {
        var options = catalogue.clinicians(caller, locationId).stream()
                .map(c -> new BookingForm.Option(c.id(), c.name(), null, c.id().equals(clinician)))
                .toList();
        var paths = ConsolePaths.of(mode(caller));
        return new TimeOffForm(
                paths.root() + "/time-off",
                paths.day() + "?location=" + locationId,
                locationId,
                options,
                FormText.shown(from),
                FormText.shown(until),
                FormText.shown(reason),
                problem);
    }

    private static String mode(Caller caller) {
        return caller.tenant().mode().wire();
    }

    private static Instant instant(String text, ZoneId zone, String field, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a date and time");
            return null;
        }
    }
}
