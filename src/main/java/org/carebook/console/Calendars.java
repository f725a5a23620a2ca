package org.carebook.console;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.catalog.AppointmentTypeDraft;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.carebook.patient.PatientView;
import org.carebook.patient.Patients;
import org.springframework.stereotype.Component;

/** Builds the console's calendars from the facades, reading each kind of thing once per page. */
@Component
class Calendars {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HEADING = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Catalogue catalogue;
    private final Appointments appointments;
    private final Patients patients;
    private final Backdrop backdrop;
    private final Clock clock;

    Calendars(Catalogue catalogue, Appointments appointments, Patients patients, Backdrop backdrop, Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.appointments = appointments;
        this.patients = patients;
        this.backdrop = backdrop;
    }

    boolean hasLocations(Caller caller) {
        return !catalogue.locations(caller).isEmpty();
    }

    /** The day at a location (the first active one unless named), on a date (today there unless given). */
    DayView day(Caller caller, Viewer viewer, String mode, String locationId, LocalDate date, boolean byRoom) {
        var location = catalogue.location(caller, locationId);
        ZoneId zone = ZoneId.of(location.timezone());
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zone));
        var columns = new ArrayList<DayView.Column>();
        if (byRoom) {
            var rooms = location.rooms().stream().filter(r -> r.isActive()).toList();
            for (int i = 0; i < rooms.size(); i++) {
                columns.add(new DayView.Column(
                        i + 1, rooms.get(i).id(), rooms.get(i).name()));
            }
        } else {
            var staff = catalogue.clinicians(caller, location.id());
            for (int i = 0; i < staff.size(); i++) {
                columns.add(new DayView.Column(
                        i + 1, staff.get(i).id(), staff.get(i).name()));
            }
        }
        var booked =
                appointmentsOf(caller, new AppointmentFilter(day, day, null, location.id(), null, null, null, null));
        var blocks = blocks(
                caller, viewer, booked, columns, byRoom ? AppointmentView::roomId : AppointmentView::clinicianId, zone);
        var shades = byRoom ? List.<DayView.Shade>of() : backdrop.shades(caller, location.id(), zone, day, columns);
        Integer first = Openings.firstLine(clock.instant(), zone, day);
        var openings = byRoom || !caller.has(Scope.WRITE_APPOINTMENTS)
                ? List.<DayView.Opening>of()
                : Openings.of(columns, shades, blocks, i -> {
                    var column = columns.get(i - 1);
                    return new Openings.ColumnDay(column.id(), column.name(), day, first);
                });
        return new DayView(
                mode,
                Catalogue.choice(location),
                catalogue.locations(caller).stream().map(Catalogue::choice).toList(),
                day,
                zone,
                columns,
                blocks,
                shades,
                openings,
                backdrop.nowLine(zone, day).orElse(null),
                hours(),
                caller.has(Scope.WRITE_APPOINTMENTS),
                caller.has(Scope.WRITE_CATALOG),
                null,
                byRoom);
    }

    /** One clinician's week (Monday to Sunday) in a location's clock: a column per day. */
    DayView week(Caller caller, Viewer viewer, String mode, String locationId, String clinicianId, LocalDate date) {
        var location = catalogue.location(caller, locationId);
        ZoneId zone = ZoneId.of(location.timezone());
        var clinician = catalogue.clinician(caller, clinicianId);
        LocalDate monday = (date != null ? date : LocalDate.now(clock.withZone(zone)))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var columns = new ArrayList<DayView.Column>();
        for (int i = 0; i < 7; i++) {
            var day = monday.plusDays(i);
            columns.add(new DayView.Column(i + 1, day.toString(), DAY_HEADING.format(day)));
        }
        var booked = appointmentsOf(
                caller, new AppointmentFilter(monday, monday.plusDays(6), clinicianId, null, null, null, null, null));
        var today = LocalDate.now(clock.withZone(zone));
        var blocks = blocks(caller, viewer, booked, columns, a -> localDate(a, zone), zone);
        var shades = backdrop.week(caller, location.id(), zone, clinicianId, columns);
        var openings = !caller.has(Scope.WRITE_APPOINTMENTS)
                ? List.<DayView.Opening>of()
                : Openings.of(columns, shades, blocks, i -> {
                    var day = monday.plusDays(i - 1L);
                    return new Openings.ColumnDay(
                            clinician.id(), clinician.name(), day, Openings.firstLine(clock.instant(), zone, day));
                });
        return new DayView(
                mode,
                Catalogue.choice(location),
                catalogue.locations(caller).stream().map(Catalogue::choice).toList(),
                monday,
                zone,
                columns,
                blocks,
                shades,
                openings,
                today.isBefore(monday) || today.isAfter(monday.plusDays(6))
                        ? null
                        : backdrop.nowLine(zone, today).orElse(null),
                hours(),
                caller.has(Scope.WRITE_APPOINTMENTS),
                caller.has(Scope.WRITE_CATALOG),
                new DayView.LocationChoice(clinician.id(), clinician.name()),
                false);
    }

    private static String localDate(AppointmentView appointment, ZoneId zone) {
        return appointment.startTime().atZoneSameInstant(zone).toLocalDate().toString();
    }

    private List<AppointmentView> appointmentsOf(Caller caller, AppointmentFilter filter) {
        return appointments.all(caller, filter).stream()
                .filter(a -> a.status() != AppointmentStatus.CANCELLED)
                .toList();
    }

    /**
     * The blocks on the grid. Appointments a limited viewer may not see (another clinician's) show as busy
     * time only: their patients are not even read, so the audit log does not say this viewer saw them.
     */
    private List<DayView.Block> blocks(
            Caller caller,
            Viewer viewer,
            List<AppointmentView> booked,
            List<DayView.Column> columns,
            Function<AppointmentView, String> columnKey,
            ZoneId zone) {
        Map<String, Integer> columnOf = new HashMap<>();
        columns.forEach(c -> columnOf.put(c.id(), c.index()));
        Map<String, String> names = new HashMap<>();
        var visiblePatients = booked.stream()
                .filter(a -> viewer.seesPatientsOf(a.clinicianId()))
                .map(AppointmentView::patientId)
                .distinct()
                .toList();
        patients.several(caller, visiblePatients).forEach(p -> names.put(p.id(), fullName(p)));
        Map<String, TypeLook> types = new HashMap<>();
        Map<String, List<AppointmentView>> sessions = new HashMap<>();
        booked.stream()
                .filter(a -> a.sessionId() != null)
                .forEach(a -> sessions.computeIfAbsent(a.sessionId(), k -> new ArrayList<>())
                        .add(a));
        var blocks = new ArrayList<DayView.Block>();
        for (var a : booked) {
            if (a.sessionId() != null && sessions.get(a.sessionId()).get(0) != a) {
                continue; // a class is one block, however many attend
            }
            String key = columnKey.apply(a);
            Integer column = key == null ? null : columnOf.get(key);
            if (column == null) {
                continue;
            }
            LocalTime start = a.startTime().atZoneSameInstant(zone).toLocalTime();
            LocalTime end = a.endTime().atZoneSameInstant(zone).toLocalTime();
            var place = new DayView.Place(
                    column,
                    DayView.line(start),
                    Math.max(DayView.line(end), DayView.line(start) + 1),
                    a.startTime().toInstant(),
                    a.endTime().toInstant(),
                    CLOCK.format(start),
                    CLOCK.format(end));
            if (a.sessionId() != null) {
                var type = types.computeIfAbsent(a.appointmentTypeId(), id -> look(caller, id));
                blocks.add(DayView.Block.session(
                        a.sessionId(),
                        place,
                        type.name(),
                        type.colour(),
                        sessions.get(a.sessionId()).size()));
                continue;
            }
            blocks.add(
                    viewer.seesPatientsOf(a.clinicianId())
                            ? new DayView.Block(
                                    a.id(),
                                    place,
                                    a.patientId(),
                                    names.getOrDefault(a.patientId(), "Patient"),
                                    types.computeIfAbsent(a.appointmentTypeId(), id -> look(caller, id))
                                            .name(),
                                    a.status().wire(),
                                    null,
                                    types.get(a.appointmentTypeId()).colour(),
                                    1)
                            : DayView.Block.busy(a.id(), place));
        }
        return blocks;
    }

    /** A type's name and its colour on the calendar: its own, or one of the palette picked by its id. */
    private record TypeLook(String name, String colour) {}

    private TypeLook look(Caller caller, String id) {
        var type = catalogue.type(caller, id);
        var palette = AppointmentTypeDraft.COLORS;
        return new TypeLook(
                type.name(),
                type.color() != null ? type.color() : palette.get(Math.floorMod(id.hashCode(), palette.size())));
    }

    private static List<String> hours() {
        var hours = new ArrayList<String>();
        for (var t = DayView.FIRST; t.isBefore(DayView.LAST); t = t.plusHours(1)) {
            hours.add(CLOCK.format(t));
        }
        return hours;
    }

    private static String fullName(PatientView patient) {
        return patient.firstName() + " " + patient.lastName();
    }
}
