package org.carebook.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.carebook.booking.GroupSessionView;
import org.carebook.booking.GroupSessions;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A class session's roster: each attendee checked in, marked absent or cancelled on their own appointment (the
 * day's actions, which come back here), through the same facades as the API.
 */
@Controller
class SessionPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final GroupSessions sessions;
    private final Patients patients;
    private final Catalogue catalogue;
    private final Viewers viewers;

    SessionPages(GroupSessions sessions, Patients patients, Catalogue catalogue, Viewers viewers) {
        this.sessions = sessions;
        this.patients = patients;
        this.catalogue = catalogue;
        this.viewers = viewers;
    }

    @GetMapping({"/console/sessions/{id}", "/console/test/sessions/{id}"})
    String roster(Caller caller, @PathVariable String id, @RequestParam String back, Model model) {
        model.addAttribute("roster", sheet(caller, sessions.get(caller, id), ConsolePaths.back(back)));
        return "console/session";
    }

    private SessionSheet sheet(Caller caller, GroupSessionView s, String back) {
        var paths = ConsolePaths.of(caller.tenant().mode().wire());
        boolean shown = viewers.of(caller).seesPatientsOf(s.clinicianId());
        var names = new HashMap<String, String>();
        if (shown) { // patients are read (and audited) only for a viewer who may see them
            patients.several(
                            caller,
                            s.attendees().stream()
                                    .map(GroupSessionView.Attendee::patientId)
                                    .toList())
                    .forEach(p -> names.put(p.id(), p.firstName() + " " + p.lastName()));
        }
        List<SessionSheet.Attendee> attendees = shown
                ? s.attendees().stream()
                        .map(a -> new SessionSheet.Attendee(
                                names.getOrDefault(a.patientId(), "Patient"),
                                paths.patient(a.patientId()),
                                paths.appointment(a.appointmentId()),
                                a.status().wire(),
                                a.status().isUpcoming()))
                        .toList()
                : List.of();
        ZoneId zone = s.startTime().getOffset().normalized();
        if (s.locationId() != null) {
            zone = ZoneId.of(catalogue.location(caller, s.locationId()).timezone());
        }
        String self = paths.session(s.id()) + "?back="
                + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
        return new SessionSheet(
                back,
                self,
                catalogue.type(caller, s.appointmentTypeId()).name(),
                WHEN.format(s.startTime().atZoneSameInstant(zone)) + "–"
                        + CLOCK.format(s.endTime().atZoneSameInstant(zone)),
                catalogue.clinician(caller, s.clinicianId()).name(),
                s.status().wire(),
                s.capacity(),
                s.seatsLeft(),
                attendees,
                shown,
                shown && caller.has(Scope.WRITE_APPOINTMENTS));
    }
}
