package org.carebook.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.kernel.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "To approve": a location's pending bookings still to come, oldest request first, each approved (the patient
 * gets the confirmation) or declined with a reason (the time is freed and the patient told), through the same
 * facade as the API.
 */
@Controller
class ApprovalPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Appointments appointments;
    private final PatientNames patients;
    private final Catalogue catalogue;
    private final Viewers viewers;
    private final Clock clock;

    ApprovalPages(Appointments appointments, PatientNames patients, Catalogue catalogue, Viewers viewers, Clock clock) {
        this.appointments = appointments;
        this.patients = patients;
        this.catalogue = catalogue;
        this.viewers = viewers;
        this.clock = clock;
    }

    /** The page: where it posts, where "back" goes, and one row per request. */
    public record Approvals(String path, String back, String location, String done, List<Request> requests) {}

    /** One pending booking as the list shows it. */
    public record Request(String id, String when, String patient, String service, String clinician, String requested) {}

    @GetMapping({"/console/approvals", "/console/test/approvals"})
    String page(
            Caller caller,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String done,
            Model model) {
        BookingController.mayBook(caller);
        var place = catalogue.location(caller, location);
        ZoneId zone = ZoneId.of(place.timezone());
        var viewer = viewers.of(caller);
        var pending = appointments
                .all(
                        caller,
                        new AppointmentFilter(
                                LocalDate.now(clock.withZone(zone)),
                                null,
                                null,
                                place.id(),
                                null,
                                Set.of(AppointmentStatus.PENDING),
                                null,
                                null))
                .stream()
                .filter(a -> viewer.seesPatientsOf(a.clinicianId()))
                .sorted(Comparator.comparing(AppointmentView::createdAt))
                .toList();
        var names = patients.of(
                caller, pending.stream().map(AppointmentView::patientId).toList());
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        var services = new HashMap<String, String>(); // each name looked up once, however many rows share it
        var clinicians = new HashMap<String, String>();
        var requests = pending.stream()
                .map(a -> new Request(
                        a.id(),
                        WHEN.format(a.startTime().atZoneSameInstant(zone)),
                        names.getOrDefault(a.patientId(), "Patient"),
                        services.computeIfAbsent(
                                a.appointmentTypeId(),
                                id -> catalogue.type(caller, id).name()),
                        clinicians.computeIfAbsent(
                                a.clinicianId(),
                                id -> catalogue.clinician(caller, id).name()),
                        WHEN.format(a.createdAt().atZoneSameInstant(zone))))
                .toList();
        model.addAttribute(
                "approvals",
                new Approvals(
                        paths.root() + "/approvals",
                        paths.day() + "?location=" + place.id(),
                        place.id(),
                        "approved".equals(done) || "declined".equals(done) ? done : null,
                        requests));
        return "console/approvals";
    }

    @PostMapping({
        "/console/approvals/{id}/{action:approve|decline}",
        "/console/test/approvals/{id}/{action:approve|decline}"
    })
    String act(
            Caller caller,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String location) {
        BookingController.mayBook(caller);
        if ("approve".equals(action)) {
            appointments.confirm(caller, id);
        } else {
            appointments.decline(caller, id, FormText.given(reason));
        }
        var place = catalogue.location(caller, location);
        String root = ConsolePaths.of(caller.tenant().mode().wire()).root();
        return "redirect:" + root + "/approvals?location=" + place.id() + "&done=" + action + "d";
    }
}
