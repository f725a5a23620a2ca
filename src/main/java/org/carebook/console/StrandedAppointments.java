package org.carebook.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.Appointments;
import org.carebook.catalog.Hours;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.springframework.stereotype.Component;

/**
 * The booked appointments still to come that new weekly hours would leave outside working time, or that a room
 * taken away would leave in a closed room. They stay booked, as with time off; the page lists them so that whoever
 * makes the change decides knowingly.
 */
@Component
class StrandedAppointments {

    /** How far ahead a change of hours is checked against the bookings. */
    static final int DAYS_AHEAD = 366;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final Set<AppointmentStatus> BOOKED = Set.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED);

    private final Appointments appointments;
    private final Schedules schedules;
    private final PatientNames patients;
    private final Clock clock;

    StrandedAppointments(Appointments appointments, Schedules schedules, PatientNames patients, Clock clock) {
        this.appointments = appointments;
        this.schedules = schedules;
        this.patients = patients;
        this.clock = clock;
    }

    /** One appointment as the page lists it. */
    record Stranded(String id, String when, String patient) {}

    List<Stranded> under(Caller caller, ScheduleView schedule, List<Hours> hours) {
        ZoneId zone = ZoneId.of(schedule.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = schedule.validUntil() != null && schedule.validUntil().isBefore(today.plusDays(DAYS_AHEAD))
                ? schedule.validUntil()
                : today.plusDays(DAYS_AHEAD);
        var exceptionDates = schedules.exceptions(caller.tenant(), schedule.id()).stream()
                .map(ScheduleView.DateException::date)
                .collect(Collectors.toSet());
        var filter = new AppointmentFilter(
                today, last, schedule.clinicianId(), schedule.locationId(), null, BOOKED, null, null);
        var outside = appointments.all(caller, filter).stream()
                .filter(a -> a.isRemote() == schedule.isRemote()
                        && a.startTime().toInstant().isAfter(clock.instant()))
                .filter(a -> {
                    var start = a.startTime().atZoneSameInstant(zone).toLocalDateTime();
                    return governed(schedule, start.toLocalDate(), exceptionDates)
                            && !within(
                                    hours,
                                    start,
                                    a.endTime().atZoneSameInstant(zone).toLocalDateTime());
                })
                .toList();
        return listed(caller, outside, zone);
    }

    /** The booked appointments still to come in a room, which taking the room away would leave in a closed room. */
    List<Stranded> inRoom(Caller caller, LocationView location, String roomId) {
        ZoneId zone = ZoneId.of(location.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var filter =
                new AppointmentFilter(today, today.plusDays(DAYS_AHEAD), null, location.id(), null, BOOKED, null, null);
        var there = appointments.all(caller, filter).stream()
                .filter(a ->
                        roomId.equals(a.roomId()) && a.startTime().toInstant().isAfter(clock.instant()))
                .toList();
        return listed(caller, there, zone);
    }

    private List<Stranded> listed(Caller caller, List<AppointmentView> stranded, ZoneId zone) {
        var names = patients.of(
                caller, stranded.stream().map(AppointmentView::patientId).toList());
        return stranded.stream()
                .map(a -> new Stranded(
                        a.id(),
                        WHEN.format(a.startTime().atZoneSameInstant(zone)),
                        names.getOrDefault(a.patientId(), "Patient")))
                .toList();
    }

    /** Whether the schedule's weekly hours are the ones that apply on this date. */
    private static boolean governed(ScheduleView schedule, LocalDate date, Set<LocalDate> exceptions) {
        return !exceptions.contains(date)
                && (schedule.validFrom() == null || !date.isBefore(schedule.validFrom()))
                && (schedule.validUntil() == null || !date.isAfter(schedule.validUntil()));
    }

    private static boolean within(List<Hours> hours, LocalDateTime start, LocalDateTime end) {
        return hours.stream()
                .anyMatch(h -> h.dayOfWeek() == start.getDayOfWeek()
                        && !start.toLocalTime().isBefore(h.startTime())
                        && end.toLocalDate().equals(start.toLocalDate())
                        && !end.toLocalTime().isAfter(h.endTime()));
    }
}
