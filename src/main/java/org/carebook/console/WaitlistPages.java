package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.carebook.booking.PatientChoice;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.waitlist.JoinWaitlist;
import org.carebook.waitlist.Preferences;
import org.carebook.waitlist.TimeOfDay;
import org.carebook.waitlist.Waitlist;
import org.carebook.waitlist.WaitlistEntryView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front desk's waitlist: who waits for a location's times, and for what, oldest first; a patient added from
 * their page (the caller on the phone), and taken off when they no longer wait. Offers go out by themselves.
 */
@Controller
class WaitlistPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final Map<String, TimeOfDay> PARTS = Map.of(
            "morning", new TimeOfDay(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            "afternoon", new TimeOfDay(LocalTime.of(12, 0), LocalTime.of(17, 0)),
            "evening", new TimeOfDay(LocalTime.of(17, 0), LocalTime.of(21, 0)));

    private final Waitlist waitlist;
    private final PatientNames patients;
    private final Catalogue catalogue;
    private final Viewers viewers;

    WaitlistPages(Waitlist waitlist, PatientNames patients, Catalogue catalogue, Viewers viewers) {
        this.waitlist = waitlist;
        this.patients = patients;
        this.catalogue = catalogue;
        this.viewers = viewers;
    }

    /** The page: where "back" and the actions go, and one row per entry. */
    public record Line(String location, String back, String path, String notice, List<Row> rows) {}

    /** One entry as the list shows it. */
    public record Row(
            String id,
            String joined,
            String patient,
            String patientPath,
            String service,
            String clinician,
            String when,
            String until,
            String status) {}

    @GetMapping({"/console/waitlist", "/console/test/waitlist"})
    String page(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String done,
            Model model) {
        BookingController.mayBook(caller);
        var place = catalogue.location(caller, location);
        ZoneId zone = ZoneId.of(place.timezone());
        var viewer = viewers.of(caller);
        // A clinician sees only who waits for them: an entry for any clinician is the front desk's to see.
        var entries = waitlist.live(caller, place.id()).stream()
                .filter(e -> !viewer.limitedToOwnPatients()
                        || (e.clinicianId() != null && viewer.seesPatientsOf(e.clinicianId())))
                .toList();
        var names = patients.of(
                caller, entries.stream().map(WaitlistEntryView::patientId).toList());
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        var services = new HashMap<String, String>(); // each name looked up once, however many rows share it
        var clinicians = new HashMap<String, String>();
        var rows = entries.stream()
                .map(e -> new Row(
                        e.id(),
                        DAY.format(e.createdAt().atZone(zone)),
                        names.getOrDefault(e.patientId(), "Patient"),
                        paths.patient(e.patientId()),
                        services.computeIfAbsent(
                                e.appointmentTypeId(),
                                id -> catalogue.type(caller, id).name()),
                        e.clinicianId() == null
                                ? "Any"
                                : clinicians.computeIfAbsent(
                                        e.clinicianId(),
                                        id -> catalogue.clinician(caller, id).name()),
                        suits(e),
                        DAY.format(e.until()),
                        status(e, zone)))
                .toList();
        String notice = "added".equals(done)
                ? "Added to the waitlist. When a time that suits comes free, the patient is sent it."
                : "removed".equals(done) ? "Taken off the waitlist." : null;
        model.addAttribute(
                "line",
                new Line(
                        place.id(), paths.day() + "?location=" + place.id(), paths.root() + "/waitlist", notice, rows));
        return "console/waitlist";
    }

    @PostMapping({"/console/waitlist/{id}/remove", "/console/test/waitlist/{id}/remove"})
    String remove(Caller caller, @PathVariable String id, @RequestParam(required = false) String location) {
        BookingController.mayBook(caller);
        waitlist.remove(caller, id);
        return "redirect:" + ConsolePaths.of(caller.tenant().mode().wire()).root() + "/waitlist?location="
                + catalogue.location(caller, location).id() + "&done=removed";
    }

    /** From the patient's page: the service, any or one clinician, the days and parts of day that suit, until when. */
    @PostMapping({"/console/patients/{id}/waitlist", "/console/test/patients/{id}/waitlist"})
    String join(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String clinician,
            @RequestParam(required = false) List<String> days,
            @RequestParam(required = false) List<String> times,
            @RequestParam(required = false) String until,
            HttpServletResponse response,
            Model model) {
        BookingController.mayBook(caller);
        var problems = new Problems();
        var weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days == null ? List.<String>of() : days) {
            java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().equalsIgnoreCase(day))
                    .findFirst()
                    .ifPresentOrElse(weekdays::add, () -> problems.add("days", "must name days of the week"));
        }
        var parts = new ArrayList<TimeOfDay>();
        for (String part : times == null ? List.<String>of() : times) {
            if (PARTS.containsKey(part)) {
                parts.add(PARTS.get(part));
            } else {
                problems.add("times", "must be morning, afternoon or evening");
            }
        }
        var last = FormText.date(until).orElse(null);
        problems.require("until", last);
        problems.requireText("appointmentTypeId", type);
        var wants = new Preferences(FormText.given(clinician), null, weekdays, List.copyOf(parts), last);
        try {
            waitlist.join(
                    caller, new JoinWaitlist(new PatientChoice.Existing(id), FormText.given(type), wants), problems);
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute("status", 422);
            model.addAttribute(
                    "message",
                    FormText.firstProblem(e, Map.of("appointment_type_id", "Service", "until", "Wait until")));
            return "console/error";
        }
        return "redirect:" + ConsolePaths.of(caller.tenant().mode().wire()).root() + "/waitlist?done=added";
    }

    private static String suits(WaitlistEntryView e) {
        String days = e.days().isEmpty()
                ? "any day"
                : e.days().stream()
                        .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))
                                .getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .collect(Collectors.joining(", "));
        String times = e.times().isEmpty()
                ? "any time"
                : e.times().stream().map(t -> t.start() + "–" + t.end()).collect(Collectors.joining(", "));
        return days + "; " + times;
    }

    private static String status(WaitlistEntryView e, ZoneId zone) {
        if (e.offer() == null) {
            return "Waiting";
        }
        return "Offered " + WHEN.format(e.offer().startTime().atZoneSameInstant(zone)) + ", held until "
                + HOUR.format(e.offer().expiresAt().atZoneSameInstant(zone));
    }
}
