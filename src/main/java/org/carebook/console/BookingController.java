package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Booking a patient into a free time: one page that narrows down type, clinician and day, finds the patient
 * (or takes a new one), and books. A time taken meanwhile is said in place and the page offers what is
 * still free; nothing is half-made, because the booking (and a new patient with it) is one transaction.
 */
@Controller
class BookingController {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("time", "Time"),
            Map.entry("patient", "Patient"),
            Map.entry("patient.first_name", "First name"),
            Map.entry("patient.last_name", "Last name"),
            Map.entry("patient.date_of_birth", "Date of birth"),
            Map.entry("patient.phone", "Phone"),
            Map.entry("patient.email", "E-mail"),
            Map.entry("appointment_type_id", "Type"),
            Map.entry("notes", "Notes"),
            Map.entry("repeat_every", "Repeats"),
            Map.entry("repeat_times", "Times in all"));

    private final BookingDesk desk;

    BookingController(BookingDesk desk) {
        this.desk = desk;
    }

    @GetMapping({"/console/book", "/console/test/book"})
    String page(Caller caller, @ModelAttribute BookingRequest request, Model model) {
        mayBook(caller);
        model.addAttribute("form", desk.form(caller, mode(caller), request, List.of(), false));
        return "console/book";
    }

    /**
     * The page again with what was typed: a search for the patient or another day. Posted, not put in the
     * address, because what is typed here (a name, a phone number) must not reach access logs.
     */
    @PostMapping({"/console/book/find", "/console/test/book/find"})
    String find(Caller caller, @ModelAttribute BookingRequest request, Model model) {
        return page(caller, request, model);
    }

    @PostMapping({"/console/book", "/console/test/book"})
    String book(Caller caller, @ModelAttribute BookingRequest request, Model model, HttpServletResponse response) {
        mayBook(caller);
        try {
            var booked = desk.book(caller, request);
            return "redirect:" + ConsolePaths.of(mode(caller)).day() + "?location=" + booked.locationId() + "&date="
                    + booked.startTime().toLocalDate() + "&booked=" + booked.id();
        } catch (CarebookException e) {
            if (e.status() >= 500 || e.status() == 403 || e.status() == 401) {
                throw e;
            }
            response.setStatus(e.status());
            boolean taken = "slot_taken".equals(e.reason());
            var again = taken ? withoutTime(request) : request;
            model.addAttribute(
                    "form",
                    desk.form(caller, mode(caller), again, taken ? List.of() : FormText.allProblems(e, LABELS), taken));
            return "console/book";
        }
    }

    static void mayBook(Caller caller) {
        if (!caller.has(Scope.WRITE_APPOINTMENTS)) {
            throw CarebookException.missingScope(Scope.WRITE_APPOINTMENTS);
        }
    }

    private static String mode(Caller caller) {
        return caller.tenant().mode().wire();
    }

    private static BookingRequest withoutTime(BookingRequest r) {
        return new BookingRequest(
                r.location(),
                r.date(),
                r.type(),
                r.clinician(),
                null,
                r.patient(),
                r.q(),
                r.firstName(),
                r.lastName(),
                r.dateOfBirth(),
                r.phone(),
                r.email(),
                r.notes(),
                r.repeatEvery(),
                r.repeatTimes(),
                null);
    }
}
