package org.carebook.console;

import java.time.LocalDate;
import org.carebook.booking.Appointments;
import org.carebook.booking.CancelAppointment;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.staff.StaffMembers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's pages: signing in, accepting an invitation, and the day at a location. */
@Controller
class ConsoleController {

    private final Calendars calendars;
    private final StaffMembers staff;
    private final Appointments appointments;

    ConsoleController(Calendars calendars, StaffMembers staff, Appointments appointments) {
        this.calendars = calendars;
        this.staff = staff;
        this.appointments = appointments;
    }

    @GetMapping("/console")
    String home() {
        return "redirect:/console/day";
    }

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/console/welcome/{token}")
    String welcome(@PathVariable String token, Model model) {
        var invited = staff.invited(token);
        if (invited.isEmpty()) {
            return "console/link-expired";
        }
        model.addAttribute("staff", invited.get());
        model.addAttribute("token", token);
        return "console/welcome";
    }

    /** Sets the first password; a password that is too short is said on the same page. */
    @PostMapping("/console/welcome/{token}")
    String acceptInvitation(@PathVariable String token, @RequestParam String password, Model model) {
        try {
            staff.accept(token, password, new Problems());
            return "redirect:/console/login?welcome";
        } catch (CarebookException e) {
            if (e.status() == 404) {
                return "console/link-expired";
            }
            model.addAttribute(
                    "problem",
                    e.details().isEmpty()
                            ? e.getMessage()
                            : "The password " + e.details().get(0).issue() + ".");
            return welcome(token, model);
        }
    }

    @GetMapping({"/console/day", "/console/test/day"})
    String day(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        String mode = caller.tenant().mode().wire();
        model.addAttribute("day", calendars.day(caller, mode, location, date));
        return "console/day";
    }

    /** The calendar alone, which an open page fetches again when the stream says something changed. */
    @GetMapping({"/console/day/grid", "/console/test/day/grid"})
    String grid(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        day(caller, location, date, model);
        return "console/day :: grid";
    }

    /**
     * Check-in, no-show, completion or cancellation of one appointment, through the same facade as the API;
     * then back to the day it is on. Staff whose role may not write appointments are refused.
     */
    @PostMapping({"/console/appointments/{id}/{action}", "/console/test/appointments/{id}/{action}"})
    String act(
            Caller caller,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) String reason,
            @RequestParam String back) {
        if (!caller.has(Scope.WRITE_APPOINTMENTS)) {
            throw CarebookException.missingScope(Scope.WRITE_APPOINTMENTS);
        }
        switch (action) {
            case "check-in" -> appointments.checkIn(caller, id);
            case "no-show" -> appointments.noShow(caller, id);
            case "complete" -> appointments.complete(caller, id);
            case "cancel" ->
                appointments.cancel(
                        caller,
                        id,
                        new CancelAppointment(
                                reason == null || reason.isBlank() ? null : reason.strip(),
                                CancelAppointment.By.CLINIC));
            default -> throw CarebookException.notFound("No such action.");
        }
        return "redirect:" + (back.startsWith("/console/") ? back : "/console");
    }
}
