package org.carebook.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.staff.StaffAccounts;
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
    private final Viewers viewers;
    private final StaffAccounts staff;
    private final Clock clock;

    ConsoleController(Calendars calendars, Viewers viewers, StaffAccounts staff, Clock clock) {
        this.clock = clock;
        this.calendars = calendars;
        this.viewers = viewers;
        this.staff = staff;
    }

    /** The day view; an organization with test data only (the demo clinic, a new integration) starts on that. */
    @GetMapping("/console")
    String home(Caller caller) {
        return calendars.hasLocations(caller) ? "redirect:/console/day" : "redirect:/console/test/day";
    }

    /** The sign-in page; the edge adds whether single sign-on is offered (CAREBOOK_OIDC_ISSUER). */
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
        model.addAttribute("invitation", invited.get());
        model.addAttribute("token", token);
        return "console/welcome";
    }

    /**
     * Sets the first password, or confirms with the password of an existing sign-in; a password that is too
     * short is said on the same page.
     */
    @PostMapping("/console/welcome/{token}")
    String acceptInvitation(@PathVariable String token, @RequestParam String password, Model model) {
        return byLink(
                () -> staff.accept(token, password, new Problems()),
                "redirect:/console/login?welcome",
                () -> welcome(token, model),
                model);
    }

    @GetMapping("/console/reset")
    String resetRequest() {
        return "console/reset-request";
    }

    /** Asks for a reset link; the page says the same whether or not the address has an account. */
    @PostMapping("/console/reset")
    String requestReset(@RequestParam String email, Model model) {
        staff.requestPasswordReset(email);
        model.addAttribute("sent", true);
        return "console/reset-request";
    }

    @GetMapping("/console/reset/{token}")
    String resetPage(@PathVariable String token, Model model) {
        if (!staff.resettable(token)) {
            return "console/link-expired";
        }
        model.addAttribute("token", token);
        return "console/reset";
    }

    @PostMapping("/console/reset/{token}")
    String reset(@PathVariable String token, @RequestParam String password, Model model) {
        return byLink(
                () -> staff.resetPassword(token, password, new Problems()),
                "redirect:/console/login?reset",
                () -> resetPage(token, model),
                model);
    }

    @GetMapping({"/console/day", "/console/test/day"})
    String day(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String by,
            Model model) {
        String mode = caller.tenant().mode().wire();
        boolean byRoom = DayView.BY_ROOMS.equals(by);
        model.addAttribute("shownAt", clock.millis());
        model.addAttribute("day", calendars.day(caller, viewers.of(caller), mode, location, date, byRoom));
        model.addAttribute("mayManageStaff", caller.has(Scope.MANAGE_STAFF));
        model.addAttribute("mayReport", caller.has(Scope.MANAGE_ORGANIZATION));
        model.addAttribute("organizations", staff.membershipsOf(caller));
        model.addAttribute("actingAs", caller.keyId());
        return "console/day";
    }

    @GetMapping({"/console/week", "/console/test/week"})
    String week(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam String clinician,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        String mode = caller.tenant().mode().wire();
        model.addAttribute("shownAt", clock.millis());
        model.addAttribute("day", calendars.week(caller, viewers.of(caller), mode, location, clinician, date));
        return "console/day";
    }

    @GetMapping({"/console/week/grid", "/console/test/week/grid"})
    String weekGrid(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam String clinician,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        week(caller, location, clinician, date, model);
        return "console/day :: grid";
    }

    /** The calendar alone, which an open page fetches again when the stream says something changed. */
    @GetMapping({"/console/day/grid", "/console/test/day/grid"})
    String grid(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String by,
            Model model) {
        day(caller, location, date, by, model);
        return "console/day :: grid";
    }

    /**
     * Sets a password through a one-time link: on to {@code done}; a used or expired link says so; a password
     * that is too short is said on the same page ({@code again}).
     */
    private static String byLink(Runnable setPassword, String done, Supplier<String> again, Model model) {
        try {
            setPassword.run();
            return done;
        } catch (CarebookException e) {
            if (e.status() == 404) {
                return "console/link-expired";
            }
            // The only rule a password is held to is its length, which the page says in the reader's language.
            model.addAttribute("problem", e.details().isEmpty() ? e.getMessage() : "password.length");
            return again.get();
        }
    }
}
