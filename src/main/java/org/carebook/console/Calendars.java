package org.carebook.console;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.carebook.patient.PatientView;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/** Builds the console's calendars from the facades, reading each kind of thing once per page. */
@Component
class Calendars {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final int PAGE = 100;

    private final Locations locations;
    private final Clinicians clinicians;
    private final Appointments appointments;
    private final AppointmentTypes types;
    private final Patients patients;

    Calendars(
            Locations locations,
            Clinicians clinicians,
            Appointments appointments,
            AppointmentTypes types,
            Patients patients) {
        this.locations = locations;
        this.clinicians = clinicians;
        this.appointments = appointments;
        this.types = types;
        this.patients = patients;
    }

    /** The day at a location (the first active one unless named), on a date (today there unless given). */
    DayView day(Caller caller, String mode, String locationId, LocalDate date) {
        var active = locations
                .list(caller.tenant(), true, PageRequest.of(String.valueOf(PAGE), null))
                .data();
        if (active.isEmpty()) {
            throw CarebookException.notFound("This organization has no locations yet.");
        }
        var location = locationId == null ? active.get(0) : locations.get(caller.tenant(), locationId);
        ZoneId zone = ZoneId.of(location.timezone());
        LocalDate day = date != null ? date : LocalDate.now(zone);
        var staff = clinicians
                .list(caller.tenant(), location.id(), true, PageRequest.of(String.valueOf(PAGE), null))
                .data();
        var columns = new ArrayList<DayView.Column>();
        for (int i = 0; i < staff.size(); i++) {
            columns.add(new DayView.Column(i + 1, staff.get(i).id(), label(staff.get(i))));
        }
        var booked = appointmentsOf(caller, location.id(), day);
        return new DayView(
                mode,
                choice(location),
                active.stream().map(Calendars::choice).toList(),
                day,
                zone,
                columns,
                blocks(caller, booked, columns, zone),
                hours(),
                caller.has(Scope.WRITE_APPOINTMENTS));
    }

    private List<AppointmentView> appointmentsOf(Caller caller, String locationId, LocalDate day) {
        var filter = new AppointmentFilter(day, day, null, locationId, null, null, null, null);
        var all = new ArrayList<AppointmentView>();
        String cursor = null;
        do {
            ListPage<AppointmentView> page =
                    appointments.list(caller, filter, PageRequest.of(String.valueOf(PAGE), cursor));
            all.addAll(page.data());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all.stream().filter(a -> !"cancelled".equals(a.status())).toList();
    }

    private List<DayView.Block> blocks(
            Caller caller, List<AppointmentView> booked, List<DayView.Column> columns, ZoneId zone) {
        Map<String, Integer> columnOf = new HashMap<>();
        columns.forEach(c -> columnOf.put(c.id(), c.index()));
        Map<String, String> names = new HashMap<>();
        patients.several(
                        caller,
                        booked.stream()
                                .map(AppointmentView::patientId)
                                .distinct()
                                .toList())
                .forEach(p -> names.put(p.id(), fullName(p)));
        Map<String, String> typeNames = new HashMap<>();
        var blocks = new ArrayList<DayView.Block>();
        for (var a : booked) {
            Integer column = columnOf.get(a.clinicianId());
            if (column == null) {
                continue;
            }
            LocalTime start = a.startTime().atZoneSameInstant(zone).toLocalTime();
            LocalTime end = a.endTime().atZoneSameInstant(zone).toLocalTime();
            String type = typeNames.computeIfAbsent(a.appointmentTypeId(), id -> typeName(caller, id));
            blocks.add(new DayView.Block(
                    a.id(),
                    column,
                    DayView.line(start),
                    Math.max(DayView.line(end), DayView.line(start) + 1),
                    CLOCK.format(start) + "–" + CLOCK.format(end),
                    names.getOrDefault(a.patientId(), "Patient"),
                    type,
                    a.status()));
        }
        return blocks;
    }

    private String typeName(Caller caller, String id) {
        AppointmentTypeView type = types.get(caller.tenant(), id);
        return type.name();
    }

    private static List<String> hours() {
        var hours = new ArrayList<String>();
        for (var t = DayView.FIRST; t.isBefore(DayView.LAST); t = t.plusHours(1)) {
            hours.add(CLOCK.format(t));
        }
        return hours;
    }

    private static DayView.LocationChoice choice(LocationView location) {
        return new DayView.LocationChoice(location.id(), location.name());
    }

    private static String label(ClinicianView clinician) {
        return clinician.name();
    }

    private static String fullName(PatientView patient) {
        return patient.firstName() + " " + patient.lastName();
    }
}
