package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carebook.booking.AppointmentDetails;
import org.carebook.booking.Appointments;
import org.carebook.booking.CancelAppointment;
import org.carebook.booking.ChangeAppointment;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What staff do to one appointment: check-in, no-show, completion, cancellation with a reason, and moving it
 * (to a free time from a list, or to where it was dropped on the day's grid), each through the same
 * {@link Appointments} facade and database guards as the API.
 */
@Controller
class AppointmentPages {

    private final Appointments appointments;
    private final Moves moves;
    private final AppointmentSheets sheets;
    private final Viewers viewers;

    AppointmentPages(Appointments appointments, Moves moves, AppointmentSheets sheets, Viewers viewers) {
        this.appointments = appointments;
        this.moves = moves;
        this.sheets = sheets;
        this.viewers = viewers;
    }

    /** The appointment's page, with its notes, payment mode and insurance (editable by roles that book). */
    @GetMapping({"/console/appointments/{id}", "/console/test/appointments/{id}"})
    String sheet(Caller caller, @PathVariable String id, @RequestParam String back, Model model) {
        model.addAttribute("sheet", sheets.sheet(caller, viewers.of(caller), id, ConsolePaths.back(back), null));
        return "console/appointment";
    }

    @PostMapping({"/console/appointments/{id}/details", "/console/test/appointments/{id}/details"})
    String describe(
            Caller caller,
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response) {
        BookingController.mayBook(caller);
        String back = ConsolePaths.back(form.get("back"));
        try {
            sheets.describe(caller, id, form);
            return back(back);
        } catch (CarebookException e) {
            if (e.status() != 422 && e.status() != 409) {
                throw e;
            }
            response.setStatus(e.status());
            String problem = FormText.firstProblem(e, Map.of());
            model.addAttribute("sheet", sheets.sheet(caller, viewers.of(caller), id, back, problem));
            return "console/appointment";
        }
    }

    @PostMapping({
        "/console/appointments/{id}/{action:check-in|no-show|complete|cancel}",
        "/console/test/appointments/{id}/{action:check-in|no-show|complete|cancel}"
    })
    String act(
            Caller caller,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) String reason,
            @RequestParam String back) {
        BookingController.mayBook(caller);
        switch (action) {
            case "check-in" -> appointments.checkIn(caller, id);
            case "no-show" -> appointments.noShow(caller, id);
            case "complete" -> appointments.complete(caller, id);
            default ->
                appointments.cancel(
                        caller, id, new CancelAppointment(FormText.given(reason), CancelAppointment.By.CLINIC));
        }
        return back(back);
    }

    /** The next free times for this appointment's type, the same clinician's first, as a list to pick from. */
    @GetMapping({"/console/appointments/{id}/move", "/console/test/appointments/{id}/move"})
    String movePage(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String clinician,
            @RequestParam String back,
            Model model) {
        BookingController.mayBook(caller);
        model.addAttribute("move", moves.page(caller, id, clinician, ConsolePaths.back(back), null));
        return "console/move";
    }

    /**
     * Moves the appointment to a time picked from the list ({@code time}: start and clinician), or to a
     * clinician's column at a local time of the location ({@code clinician} and {@code at}), as a drop on
     * the grid gives. A time taken meanwhile is said on the list page, which offers what is still free.
     */
    @PostMapping({"/console/appointments/{id}/move", "/console/test/appointments/{id}/move"})
    String move(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String time,
            @RequestParam(required = false) String clinician,
            @RequestParam(required = false) String at,
            @RequestParam String back,
            Model model,
            HttpServletResponse response) {
        BookingController.mayBook(caller);
        try {
            var target = at != null ? dropped(caller, id, clinician, at) : BookingDesk.FreeTime.parse(time);
            if (target.isEmpty()) {
                throw CarebookException.invalidField("time", "choose a free time");
            }
            var change = new ChangeAppointment(
                    Set.of("startTime", "clinicianId"),
                    target.get().start(),
                    null,
                    target.get().ref(),
                    null,
                    null,
                    AppointmentDetails.NONE);
            appointments.change(caller, id, change, new Problems());
            return back(back);
        } catch (CarebookException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("move", moves.page(caller, id, clinician, ConsolePaths.back(back), e.getMessage()));
            return "console/move";
        }
    }

    private Optional<BookingDesk.FreeTime> dropped(Caller caller, String id, String clinician, String at) {
        ZoneId zone = moves.zoneOf(caller, id);
        try {
            var start = LocalDateTime.parse(at).atZone(zone).toInstant();
            return Optional.of(new BookingDesk.FreeTime(start, clinician));
        } catch (DateTimeParseException e) {
            throw CarebookException.invalidField("at", "must be a local date and time");
        }
    }

    private static String back(String back) {
        return "redirect:" + ConsolePaths.back(back);
    }
}
